#!/usr/bin/perl
# charts.pl PLAN.xml TRACE TEXT — checks the charts and diagrams of a
# rendered plan against its XML:
#   - for each budget part placed as a chart (<presupuesto-grafico>): a
#     bar for every line, read back from the trace (the fills that end
#     just before the line's amount text), all on one scale, the longest
#     for the largest amount: length / amount the same for every line to
#     0.5 % (and the trace's rounding); the rows largest first; a zero
#     line is a "$ -" text at the axis with no bar, after the last bar;
#     the funding sources' total bar is the sum of its segments;
#   - with <organigrama>: every unit's name inside a box (a stroked
#     rectangle) of the trace;
#   - the text (pdftotext) holds every charted budget label and amount,
#     every unit name and every text of the PEI figure.
# Prints what is wrong and exits 1 if anything is.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';

my ($xml, $trace, $txt) = @ARGV;
local $/;
open my $fx, '<:utf8', $xml or die "$xml: $!";
my $x = <$fx>;
$x =~ s/<!--.*?-->//gs;
open my $ft, '<:utf8', $txt or die "$txt: $!";
my $text = <$ft>;
$/ = "\n";

my (@bad, $checked);
sub bad { push @bad, shift }

sub unxml {
	my $s = shift;
	$s =~ s/<[^>]*>//g;
	$s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g; $s =~ s/&apos;/'/g; $s =~ s/&amp;/&/g;
	$s =~ s/\s+/ /g;
	$s =~ s/^ | $//g;
	return $s;
}
# For comparing text across line breaks: no spaces, no hyphens.
sub squeeze { my $s = shift; $s =~ s/[\s\x{00AD}\-]+//g; return $s }

sub cents {
	my ($int, $frac) = $_[0] =~ /^\s*(\d*)(?:\.(\d{0,2}))?\s*$/ or return 0;
	return ($int || 0) * 100 + substr(($frac // '') . '00', 0, 2);
}
sub money {
	my $c = shift;
	return '$ -' if $c == 0;
	my $i = int($c / 100);
	1 while $i =~ s/^(\d+)(\d{3})/$1,$2/;
	return sprintf('$ %s.%02d', $i, $c % 100);
}

# ---- the trace: per page, texts, fills and boxes ----
my (@pages, $pg);
open my $tr, '<:utf8', $trace or die "$trace: $!";
while (<$tr>) {
	if (/^page (\d+)/) {
		$pg = { n => $1, texts => [], fills => [], boxes => [] };
		push @pages, $pg;
	} elsif (/^text ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) \S+ "(.*)"$/) {
		push @{ $pg->{texts} }, { x => $1, base => $2, w => $3, h => $4, s => $5 };
	} elsif (/^fill ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		push @{ $pg->{fills} }, [ $1, $2, $3, $4 ];
	} elsif (/^stroke ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		push @{ $pg->{boxes} }, [ $1, $2, $1 + $3, $2 + $4 ];
	}
}

# The bar ending just before text t: fills side by side, the last one
# ending 2 to 12 pt left of the text, level with it.  Returns (left
# edge, length, segments) or nothing.
sub bar_of {
	my ($p, $t) = @_;
	my ($top, $bot) = ($t->{base} - 0.8 * $t->{h}, $t->{base} + 0.2 * $t->{h});
	my @level = grep { my $m = $_->[1] + $_->[3] / 2; $m > $top && $m < $bot } @{ $p->{fills} };
	my ($end) = grep { my $e = $_->[0] + $_->[2]; $e <= $t->{x} - 2 && $e >= $t->{x} - 12 } @level;
	return unless $end;
	my ($left, $len, $n) = ($end->[0], $end->[2], 1);
	while (my ($prev) = grep { abs($_->[0] + $_->[2] - $left) < 0.05 && $_ != $end } @level) {
		($left, $len, $n, $end) = ($prev->[0], $len + $prev->[2], $n + 1, $prev);
	}
	return ($left, $len, $n, $t->{x} - ($left + $len));
}

# Lengths equal to 0.5 %, give or take the trace's rounding.
sub near { my ($a, $b) = @_; abs($a - $b) <= 0.005 * $b + 0.02 }

# Every text that starts with an amount and has a bar, or is "$ -".
my @rows;
for my $p (@pages) {
	for my $t (@{ $p->{texts} }) {
		next unless $t->{s} =~ /^(\$ (?:-|[\d,]+\.\d\d))(?: |$)/;
		my $amount = $1;
		my ($left, $len, $n, $gap) = bar_of($p, $t);
		push @rows, { page => $p->{n}, y => $t->{base}, x => $t->{x}, amount => $amount,
			      left => $left, len => $len, n => $n, gap => $gap };
	}
}

# ---- budget charts ----
my %tag = (ingresos => 'linea', egresos => 'linea', fuentes => 'fuente', donantes => 'donante');
my ($budget) = $x =~ m{<presupuesto\b[^>]*>(.*?)</presupuesto>}s;
while ($x =~ m{<presupuesto-grafico\b[^>]*\bparte="(\w+)"}g) {
	my $part = $1;
	my ($attrs, $body) = ($budget // '') =~ m{<$part\b([^>]*)>(.*?)</$part>}s or next;
	my @lines;
	while ($body =~ m{<$tag{$part}\b[^>]*\bmonto="([^"]*)"[^>]*>(.*?)</$tag{$part}>}gs) {
		push @lines, { cents => cents($1), label => unxml($2) };
	}
	my $total = 0;
	$total += $_->{cents} for @lines;
	($total) = map { cents($_) } $attrs =~ /\btotal="([^"]*)"/ if $attrs =~ /\btotal="/;
	$checked++;
	my @pos = grep { $_->{cents} > 0 } @lines;
	# The scale: one of the largest line's bars, checked against all.
	my ($big) = sort { $b->{cents} <=> $a->{cents} } @pos;
	my $found;
	for my $cand ($big ? grep { defined $_->{len} && $_->{amount} eq money($big->{cents}) } @rows : ()) {
		my $scale = $cand->{len} / $big->{cents};
		my (@match, $miss, %used, $last);
		for my $l (@pos) {
			my ($m) = grep { !$used{$_} && defined $rows[$_]{len} &&
					 $rows[$_]{amount} eq money($l->{cents}) &&
					 abs($rows[$_]{left} - $cand->{left}) < 0.05 &&
					 near($rows[$_]{len}, $l->{cents} * $scale) } 0 .. $#rows;
			$miss = $l->{label}, last unless defined $m;
			$used{$m} = 1;   # one row a line: amounts may repeat
			$last = $m if !defined $last || $m > $last;
			push @match, [ $rows[$m], $l->{cents} ];
		}
		next if defined $miss;
		# The zero lines: the rows right after the last bar, "$ -" at
		# the axis.
		for my $l (grep { $_->{cents} == 0 } @lines) {
			my $m = $rows[++$last];
			$miss = $l->{label}, last unless $m && !defined $m->{len} && $m->{amount} eq '$ -' &&
							  abs($m->{x} - $cand->{left} - $cand->{gap}) < 0.05;
			push @match, [ $m, 0 ];
		}
		next if defined $miss;
		# Largest first: the rows in the order they are drawn.
		my @order = map { $_->[1] } sort { $a->[0]{page} <=> $b->[0]{page} || $a->[0]{y} <=> $b->[0]{y} } @match;
		for my $i (1 .. $#order) {
			bad("$part: the bar of " . money($order[$i]) . " comes after a smaller one"), last
				if $order[$i] > $order[$i - 1];
		}
		if ($part eq 'fuentes' && @lines > 1) {
			my ($t) = grep { defined $_->{len} && $_->{amount} eq money($total) &&
					 abs($_->{left} - $cand->{left}) < 0.05 } @rows;
			bad("fuentes: no total bar of " . money($total) . " on the same scale")
				unless $t && near($t->{len}, $total * $scale) && $t->{n} == @lines;
		}
		$found = 1;
		last;
	}
	bad("$part: no chart whose bars match the amounts of the XML") unless $found || !@pos;
	for my $l (@lines) {
		bad("$part: \"$l->{label}\" not in the text") unless index(squeeze($text), squeeze($l->{label})) >= 0;
		my $re = quotemeta(money($l->{cents}));
		$re =~ s/\\\$\\ /\\\$ ?/;   # pdftotext may drop the space of "$ -"
		bad("$part: " . money($l->{cents}) . " not in the text") unless $text =~ /$re/;
	}
}

# ---- organisation chart ----
if ($x =~ /<organigrama\b/) {
	# The text of every box: its lines, top to bottom.
	my @boxtext;
	for my $p (@pages) {
		for my $box (@{ $p->{boxes} }) {
			my @in = sort { $a->{base} <=> $b->{base} || $a->{x} <=> $b->{x} }
				grep { $_->{x} >= $box->[0] && $_->{x} + $_->{w} <= $box->[2] + 0.5 &&
				       $_->{base} > $box->[1] && $_->{base} < $box->[3] } @{ $p->{texts} };
			push @boxtext, squeeze(join ' ', map { $_->{s} } @in) if @in;
		}
	}
	while ($x =~ m{<unidad\b[^>]*\bnombre="([^"]*)"}g) {
		my $name = unxml($1);
		$checked++;
		my $s = squeeze($name);
		bad("unit \"$name\" is in no box") unless grep { index($_, $s) == 0 } @boxtext;
		bad("unit \"$name\" not in the text") unless index(squeeze($text), $s) >= 0;
	}
}

# ---- the PEI figure ----
if ($x =~ /<figura-pei\b/) {
	my ($pei) = $x =~ m{<pei\b[^>]*>(.*?)</pei>}s;
	my @want;
	push @want, unxml($2) while $pei =~ m{<(mision|vision|meta|valor|objetivo)\b[^>]*>(.*?)</\1>}gs;
	push @want, unxml($1) while $pei =~ m{<area\b[^>]*\bnombre="([^"]*)"}g;
	for my $w (@want) {
		$checked++;
		bad("PEI: \"$w\" not in the text") unless index(squeeze($text), squeeze($w)) >= 0;
	}
}

printf "charts: %d checked, %d wrong\n", $checked // 0, scalar @bad;
print "  $_\n" for @bad[0 .. ($#bad < 14 ? $#bad : 14)];
exit(@bad ? 1 : 0);
