#!/usr/bin/perl
# timeline.pl PLAN.xml TRACE — the months drawn match the months in the
# XML, read back from a trace (plangen -f trace):
#   - in the POA matrices, each activity's cell (found by its text, also
#     when a page cuts it) has its month cells shaded in exactly the
#     months of its meses="..." and no others;
#   - on the Cronograma pages, in document order, each specific
#     objective and result has a group bar from the first to the last
#     month of its activities, each result a diamond in each month one of
#     its indicators is due (plazo), each activity its code and first
#     words as label and bars over exactly its months; a group continued
#     on a new page is marked "(continuación)".
# Months are found by position: a shaded cell or a bar covers the months
# whose column centres (from the month labels of the header) it holds.
# The colours are the theme's (layouts/theme.c).  A Cronograma begun on its
# matrix's last page is read as a page of its own from its title on.
# Exits 1 on a mismatch.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';

my %COLOR = (month => '#70ad47', bar => '#70ad47', group => '#385723', mile => '#1f3864');
my @DEFAULT_MONTHS = qw(E F M A M J J A S O N D);

my ($xmlfile, $tracefile) = @ARGV;
my @bad;

# ---- the XML: POAs, their groups and activities in document order ----

sub clean {
	my $s = shift // '';
	$s =~ s/<br\s*\/>/ /g;
	$s =~ s/<nota>.*?<\/nota>//gs;
	$s =~ s/<[^>]*>//g;
	$s =~ s/&amp;/&/g; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g;
	$s =~ s/\s+/ /g;
	$s =~ s/^ | $//g;
	return $s;
}

sub months_of {
	my %m;
	for my $tok (split /[ ,]+/, shift // '') {
		next if $tok eq '';
		my ($a, $b) = $tok =~ /^(\d+)(?:-(\d+))?$/ or die "meses: $tok";
		$m{$_} = 1 for $a .. ($b // $a);
	}
	return join ' ', sort { $a <=> $b } keys %m;
}

sub attr { my ($tag, $name) = @_; return $tag =~ /\s$name="([^"]*)"/ ? $1 : undef }

open my $fx, '<:utf8', $xmlfile or die "$xmlfile: $!";
my $x = do { local $/; <$fx> };
$x =~ s/<!--.*?-->//gs;
my (@acts, @rows, @labels, $cur_part, $cur_obj, $cur_res);
while ($x =~ m{<(poa|apartado|objetivo-especifico|resultado|indicador|actividad)(\s[^>]*)?>}g) {
	my ($el, $tag, $at) = ($1, $2 // '', pos $x);
	my ($text) = substr($x, $at, 20000) =~ m{^\s*(?:<cabecera.*?</cabecera>\s*)*<texto>(.*?)</texto>}s;
	if ($el eq 'poa') {
		my ($cols) = substr($x, $at, 4000) =~ m{<columnas([^>]*)>};
		my $m = $cols ? attr($cols, 'meses') : undef;
		push @labels, $m ? [ split / /, $m ] : [@DEFAULT_MONTHS];
		undef $cur_part; undef $cur_obj; undef $cur_res;
	} elsif ($el eq 'apartado') {
		push @rows, { kind => 'group', label => clean(attr($tag, 'titulo')), months => {} };
		$cur_part = $rows[-1];
		undef $cur_obj; undef $cur_res;
	} elsif ($el eq 'objetivo-especifico') {
		my $num = attr($tag, 'num');
		my $lab = attr($tag, 'etiqueta') // (defined $num ? "OBJETIVO ESPECÍFICO $num:" : 'OBJETIVO ESPECÍFICO:');
		push @rows, { kind => 'group', label => clean("$lab $text"), months => {} };
		$cur_obj = $rows[-1];
		undef $cur_res;
	} elsif ($el eq 'resultado') {
		my $code = attr($tag, 'codigo');
		push @rows, { kind => 'group', label => clean(($code ? "$code " : '') . $text), months => {},
			      due => {}, result => 1 };
		$cur_res = $rows[-1];
	} elsif ($el eq 'indicador') {
		my $p = attr($tag, 'plazo');
		$p = $1 + 0 if defined $p && $p =~ /^\d{4}-(\d\d)-\d\d$/;
		$cur_res->{due}{$_ + 0} = 1 for defined $p ? split ' ', $p : ();   # "1 7": two
	} else {
		my $code = attr($tag, 'codigo');
		my $m = months_of(attr($tag, 'meses'));
		my $a = { kind => 'item', label => clean(($code ? "$code " : '') . $text), months => $m };
		push @acts, $a;
		push @rows, $a;
		for my $g ($cur_res, $cur_obj, $cur_part) {
			$g->{months}{$_} = 1 for $g ? split / /, $m : ();
		}
	}
}
# A group's bar: from its first to its last month.
for my $r (grep { $_->{kind} eq 'group' } @rows) {
	my @m = sort { $a <=> $b } keys %{ $r->{months} };
	$r->{months} = @m ? join ' ', $m[0] .. $m[-1] : '';
	$r->{due} = join ' ', sort { $a <=> $b } keys %{ $r->{due} // {} };
}
@rows = grep { $_->{months} ne '' } @rows;   # no bar, no row to find

# ---- the trace ----

sub norm { my $s = shift; $s =~ s/[\s\x{00AD}\x{2026}-]//g; return $s }

my (@pages, $pg);
open my $ft, '<:utf8', $tracefile or die "$tracefile: $!";
while (<$ft>) {
	if (/^page (\d+) ([\d.]+) ([\d.]+)/) {
		$pg = { n => $1, w => $2, h => $3, text => [], fill => [], stroke => [], poly => [], hline => [] };
		push @pages, $pg;
	} elsif (/^dest [-\d.]+ [-\d.]+ ".*-cronograma"$/ && @{ $pg->{text} } > 1) {
		# A Cronograma begun on its matrix's last page: a part of its
		# own from its title (the text before its destination).
		my $title = pop @{ $pg->{text} };
		$pg = { %$pg, text => [$title], fill => [], stroke => [], poly => [] };
		push @pages, $pg;
	} elsif (/^text ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) \S+ "(.*)"$/) {
		push @{ $pg->{text} }, { x => $1, base => $2, w => $3, h => $4, s => $5,
					top => $2 - 0.8 * $4, bot => $2 + 0.2 * $4 };
	} elsif (/^fill ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) (#\w+)/) {
		push @{ $pg->{fill} }, { x => $1, y => $2, w => $3, h => $4, c => $5 };
	} elsif (/^stroke ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)/) {
		push @{ $pg->{stroke} }, { x => $1, y => $2, w => $3, h => $4 };
		push @{ $pg->{hline} }, { x0 => $1, x1 => $1 + $3, y => $_ } for $2, $2 + $4;
	} elsif (/^line ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		push @{ $pg->{hline} }, { x0 => $1 < $3 ? $1 : $3, x1 => $1 < $3 ? $3 : $1, y => $2 }
			if abs($2 - $4) < 0.01;
	} elsif (/^poly \d+ (.*) (#\w+)$/) {
		my @p = split / /, $1;
		my @xs = @p[ grep { $_ % 2 == 0 } 0 .. $#p ];
		my @ys = @p[ grep { $_ % 2 == 1 } 0 .. $#p ];
		my ($x0, $x1) = (sort { $a <=> $b } @xs)[ 0, -1 ];
		my ($y0, $y1) = (sort { $a <=> $b } @ys)[ 0, -1 ];
		push @{ $pg->{poly} }, { cx => ($x0 + $x1) / 2, cy => ($y0 + $y1) / 2, c => $2 };
	}
}

# The centres of the twelve month columns: twelve texts on one baseline
# spelling the month labels in order.  Returns () if the page has none.
sub month_centres {
	my ($p) = @_;
	my %line;
	push @{ $line{ sprintf '%.1f', $_->{base} } }, $_ for @{ $p->{text} };
	for my $set (@labels) {
		for my $l (values %line) {
			my @t = sort { $a->{x} <=> $b->{x} } @$l;
			for my $i (0 .. @t - 12) {
				next if grep { $t[ $i + $_ ]{s} ne $set->[$_] } 0 .. 11;
				return map { $_->{x} + $_->{w} / 2 } @t[ $i .. $i + 11 ];
			}
		}
	}
	return ();
}

# The months (1-12) whose centres lie in [x0, x1].
sub covered {
	my ($c, $x0, $x1) = @_;
	return grep { $c->[ $_ - 1 ] > $x0 && $c->[ $_ - 1 ] < $x1 } 1 .. 12;
}

sub nearest {
	my ($c, $x) = @_;
	my ($best) = sort { abs($c->[ $a - 1 ] - $x) <=> abs($c->[ $b - 1 ] - $x) } 1 .. 12;
	return $best;
}

my $timeline = sub { grep { $_->{s} eq 'Trimestre 1' } @{ $_[0]{text} } };

# ---- the matrices ----

my ($ai, $done_text, $last, $cells) = (0, '', undef, 0);
for my $p (grep { $_->{w} > $_->{h} && !$timeline->($_) } @pages) {
	my @c = month_centres($p) or next;
	my $mw = $c[1] - $c[0];
	my ($head) = grep { $_->{s} =~ /^ACTIVIDADES$/i } @{ $p->{text} };
	next unless $head;
	# The activity cells: the column's strokes below the header.
	my ($col) = grep { $_->{x} <= $head->{x} && $_->{x} + $_->{w} >= $head->{x} + $head->{w}
			   && $_->{y} <= $head->{base} && $_->{y} + $_->{h} >= $head->{base} } @{ $p->{stroke} };
	my @pieces = sort { $a->{y} <=> $b->{y} }
		grep { abs($_->{x} - $col->{x}) < 0.05 && abs($_->{w} - $col->{w}) < 0.05 && $_->{y} > $head->{base} } @{ $p->{stroke} };
	for my $cell (@pieces) {
		$cells++;
		my $text = join ' ', map { $_->{s} } sort { $a->{base} <=> $b->{base} }
			grep { $_->{x} >= $cell->{x} && $_->{x} < $cell->{x} + $cell->{w} && $_->{base} > $cell->{y} && $_->{base} < $cell->{y} + $cell->{h} } @{ $p->{text} };
		my $months = join ' ', sort { $a <=> $b } map { covered(\@c, $_->{x}, $_->{x} + $_->{w}) }
			grep { $_->{c} eq $COLOR{month} && abs($_->{y} - $cell->{y}) < 0.05 && abs($_->{h} - $cell->{h}) < 0.05
			       && $_->{x} > $c[0] - $mw && $_->{x} < $c[11] + $mw } @{ $p->{fill} };
		if ($text eq '') {
			# An empty row (an indicator without activities) is not
			# shaded; a row cut by the page goes on shaded alike.
			push @bad, "page $p->{n}: an empty activity cell shaded in months $months"
				if $months ne '' && !($last && $months eq $last->{months});
			next;
		}
		my $a = $acts[$ai];
		if (!$a) {
			push @bad, "page $p->{n}: an activity cell more than the XML has: \"$text\"";
			next;
		}
		$done_text .= norm($text);
		push @bad, "page $p->{n}: activity \"$a->{label}\" is shaded in months \"$months\", the XML says \"$a->{months}\""
			if $months ne $a->{months};
		if (index(norm($a->{label}), $done_text) != 0) {
			push @bad, "page $p->{n}: activity cell \"$text\" where the XML has \"$a->{label}\"";
			$done_text = '';
			$ai++;
		} elsif ($done_text eq norm($a->{label})) {
			$last = $a;
			$done_text = '';
			$ai++;
		}
	}
}
push @bad, sprintf "matrices: %d of %d activities found", $ai, scalar @acts if $ai != @acts;

# ---- the timelines ----

my ($ri, $cont, $tl_pages) = (0, 0, 0);
for my $p (grep { $timeline->($_) } @pages) {
	$tl_pages++;
	my @c = month_centres($p);
	if (!@c) { push @bad, "page $p->{n}: a timeline page without its month header"; next }
	my $pw = $c[1] - $c[0];
	my $left = $c[0] - $pw / 2;
	# Rows: the bars and diamonds on one horizontal, and the label line
	# beside them.
	my %row;
	for my $f (grep { ($_->{c} eq $COLOR{bar} || $_->{c} eq $COLOR{group}) && $_->{x} >= $left - 0.5 } @{ $p->{fill} }) {
		my $k = sprintf '%.1f', $f->{y} + $f->{h} / 2;
		my $r = $row{$k} //= { cy => $k, months => [], group => 0, due => [] };
		$r->{group} = 1 if $f->{c} eq $COLOR{group};
		push @{ $r->{months} }, covered(\@c, $f->{x}, $f->{x} + $f->{w});
	}
	# Legend samples lie under the chart: no label beside them.
	for my $d (grep { $_->{c} eq $COLOR{mile} && $_->{cx} >= $left } @{ $p->{poly} }) {
		my ($r) = grep { abs($_->{cy} - $d->{cy}) < 0.5 } values %row;
		push @{ $r->{due} }, nearest(\@c, $d->{cx}) if $r;
	}
	for my $r (sort { $a->{cy} <=> $b->{cy} } values %row) {
		# The label: every line of the label column between the rules
		# above and below the row's bars (labels wrap, the row grows),
		# and the bars centred between those rules.
		my @across = grep { $_->{x0} <= $left - 100 && $_->{x1} >= $left + 0.5 } @{ $p->{hline} };
		my ($above) = sort { $b <=> $a } grep { $_ < $r->{cy} - 0.5 } map { $_->{y} } @across;
		my ($below) = sort { $a <=> $b } grep { $_ > $r->{cy} + 0.5 } map { $_->{y} } @across;
		my @lines = defined $above && defined $below
			? sort { $a->{base} <=> $b->{base} } grep { $_->{x} + $_->{w} <= $left + 0.5 && $_->{top} >= $above - 0.5 && $_->{bot} <= $below + 0.5 } @{ $p->{text} }
			: ();
		if (!@lines) { push @bad, "page $p->{n}: bars at y=$r->{cy} without a label"; next }
		push @bad, sprintf "page %d: \"%s\": bars at y=%.1f, not in the middle of their row (%.1f-%.1f)",
			$p->{n}, $lines[0]{s}, $r->{cy}, $above, $below
			if abs($r->{cy} - ($above + $below) / 2) > 0.6;
		my $lab = { s => join ' ', map { $_->{s} } @lines };
		my %u = map { $_ => 1 } @{ $r->{months} };
		my $months = join ' ', sort { $a <=> $b } keys %u;
		my $due = join ' ', sort { $a <=> $b } @{ $r->{due} };
		if ($lab->{s} =~ /\(continuación\)$/) {
			$cont++;
			next;
		}
		my $e = $rows[$ri++];
		if (!$e) { push @bad, "page $p->{n}: a timeline row more than the XML has: \"$lab->{s}\""; next }
		my $what = $e->{kind} eq 'group' ? 'group' : 'activity';
		push @bad, "page $p->{n}: row \"$lab->{s}\" where the XML has the $what \"$e->{label}\""
			if index(norm($e->{label}), norm($lab->{s})) != 0;
		# Labels wrap: none is cut with "…" (but one taller than a third
		# of a page).
		push @bad, "page $p->{n}: the label of the $what \"$e->{label}\" is cut: \"$lab->{s}\""
			if norm($lab->{s}) ne norm($e->{label}) && @lines < 24;
		push @bad, "page $p->{n}: $what \"$e->{label}\": bars over months \"$months\", the XML says \"$e->{months}\""
			if $months ne $e->{months};
		push @bad, "page $p->{n}: $what \"$e->{label}\": a group bar expected"
			if $r->{group} != ($e->{kind} eq 'group');
		push @bad, "page $p->{n}: result \"$e->{label}\": diamonds in months \"$due\", its indicators are due in \"$e->{due}\""
			if $e->{kind} eq 'group' && $e->{result} && $due ne $e->{due} || $e->{kind} ne 'group' && $due ne '';
	}
}
push @bad, sprintf "timelines: %d of %d rows found", $ri, scalar @rows if $ri != @rows;

printf "timeline: %d activities shaded in %d matrix cells, %d timeline rows on %d pages (%d continued groups), %d mismatches\n",
	$ai, $cells, $ri, $tl_pages, $cont, scalar @bad;
print "  $_\n" for @bad[0 .. ($#bad < 14 ? $#bad : 14)];
exit(@bad ? 1 : 0);
