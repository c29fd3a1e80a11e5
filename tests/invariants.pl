#!/usr/bin/perl
# invariants.pl TRACE — the layout invariants, read back from a trace
# (plangen -f trace):
#   - no text outside its page, and none within 18 pt of its edges;
#   - no two lines of text overlap;
#   - every landscape (matrix) page starts with the matrix header row;
#   - no heading is the last text of its page's body (the cover aside);
#   - nothing crosses the edge of a box (a stroked rectangle: a table
#     cell, a chart's frame, an organisation chart's box): every text,
#     fill, line and other box is inside it or outside it, lines may
#     end on its edge (connectors).
# Prints each violation and exits 1 if there is any.
use strict;
use warnings;
binmode STDOUT, ':utf8';

my ($file) = @ARGV;
open my $f, '<:utf8', $file or die "$file: $!";
my (@bad, $page, $w, $h, $label, @texts, @boxes, @marks, $pages);

# Whether a (x0, y0, x1, y1) meets the inside of box b, and whether it is
# inside b; both with a tolerance of half a point.
sub meets { my ($a, $b) = @_;
	$a->[0] < $b->[2] - 0.5 && $a->[2] > $b->[0] + 0.5 && $a->[1] < $b->[3] - 0.5 && $a->[3] > $b->[1] + 0.5 }
sub within { my ($a, $b) = @_;
	$a->[0] >= $b->[0] - 0.5 && $a->[2] <= $b->[2] + 0.5 && $a->[1] >= $b->[1] - 0.5 && $a->[3] <= $b->[3] + 0.5 }

sub crossings {
	my %rows;   # boxes by rows of 20 pt
	for my $i (0 .. $#boxes) {
		push @{ $rows{$_} }, $i for int($boxes[$i][1] / 20) .. int($boxes[$i][3] / 20);
	}
	my %seen;
	for my $m (@marks) {
		my ($r, $what) = @$m;
		my %near = map { $_ => 1 } map { @{ $rows{$_} // [] } } int($r->[1] / 20) .. int($r->[3] / 20);
		for my $i (keys %near) {
			my $b = $boxes[$i];
			next if $b == $r || !meets($r, $b) || within($r, $b);
			next if $what eq 'box' && within($b, $r);
			next if $seen{"$what @$r"}++;
			push @bad, sprintf "page %d: %s crosses the edge of the box at %.1f,%.1f", $page, $what, $b->[0], $b->[1];
		}
	}
}

sub finish_page {
	return unless defined $page;
	$pages++;
	# Overlaps: boxes [x, x+w] x [base-0.8h, base+0.2h], by rows of 20 pt.
	my %bucket;
	for my $i (0 .. $#texts) {
		my $t = $texts[$i];
		push @{ $bucket{ int($t->{top} / 20) + $_ } }, $i for (0, 1);
	}
	my %seen;
	for my $b (values %bucket) {
		for my $i (0 .. $#$b) {
			for my $j ($i + 1 .. $#$b) {
				my ($p, $q) = @texts[ $b->[$i], $b->[$j] ];
				next if $seen{"$b->[$i],$b->[$j]"}++;
				next if $p->{x} + $p->{w} <= $q->{x} + 0.5 || $q->{x} + $q->{w} <= $p->{x} + 0.5;
				next if $p->{bot} <= $q->{top} + 0.5 || $q->{bot} <= $p->{top} + 0.5;
				next if $p->{s} eq '.' || $q->{s} eq '.';   # leader dots touch
				push @bad, "page $page: \"$p->{s}\" overlaps \"$q->{s}\"";
			}
		}
	}
	if ($w > $h) {
		# The header row comes before any cell of the matrix (7 pt).
		my ($head) = grep { $_->{s} =~ /^(RESULTADOS|Resultados)/ } @texts;
		my @above = $head ? grep { $_->{h} <= 7.5 && $_->{base} < $head->{base} - 1 } @texts : ();
		push @bad, "page $page: a matrix page that does not start with its header row"
			if !$head || @above;
	}
	# The last text above the footer rule must not be a heading.
	my @body = sort { $a->{base} <=> $b->{base} } grep { $_->{base} < $h - 100 } @texts;
	if ($label ne 'Portada' && @body && $body[-1]{color} eq '#1f3864' && $body[-1]{h} >= 13) {
		push @bad, "page $page: heading \"$body[-1]{s}\" alone at the foot";
	}
	crossings();
	@texts = @boxes = @marks = ();
}

while (<$f>) {
	if (/^page (\d+) ([\d.]+) ([\d.]+) label=(.*)$/) {
		finish_page();
		($page, $w, $h, $label) = ($1, $2, $3, $4);
	} elsif (/^text ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) (#\w+) "(.*)"$/) {
		my %t = (x => $1, base => $2, w => $3, h => $4, color => $5, s => $6);
		$t{top} = $t{base} - 0.8 * $t{h};
		$t{bot} = $t{base} + 0.2 * $t{h};
		push @bad, "page $page: \"$t{s}\" outside the page"
			if $t{x} < 18 || $t{x} + $t{w} > $w - 18 + 0.01 || $t{top} < 18 || $t{bot} > $h - 18;
		push @texts, \%t if $t{s} ne '';
		push @marks, [ [ $t{x}, $t{top}, $t{x} + $t{w}, $t{bot} ], "\"$t{s}\"" ] if $t{s} ne '';
	} elsif (/^(fill|stroke) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		my $r = [ $2, $3, $2 + $4, $3 + $5 ];
		push @boxes, $r if $1 eq 'stroke';
		push @marks, [ $r, $1 eq 'stroke' ? 'box' : 'fill' ];
	} elsif (/^line ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		my ($x0, $x1) = $1 < $3 ? ($1, $3) : ($3, $1);
		my ($y0, $y1) = $2 < $4 ? ($2, $4) : ($4, $2);
		push @marks, [ [ $x0, $y0, $x1, $y1 ], 'line' ];
	}
}
finish_page();
printf "invariants: %d pages, %d violations\n", $pages // 0, scalar @bad;
print "  $_\n" for @bad[0 .. ($#bad < 14 ? $#bad : 14)];
exit(@bad ? 1 : 0);
