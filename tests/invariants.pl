#!/usr/bin/perl
# invariants.pl TRACE — the layout invariants, read back from a trace
# (plangen -f trace):
#   - no text outside its page, and none within 18 pt of its edges;
#   - no two lines of text overlap;
#   - every landscape (matrix) page starts with the matrix header row;
#   - on a timeline page (its header says "Trimestre 1"), the header is
#     the chart's first row, no text or diamond straddles the chart's
#     frame, and no text in it crosses the label column's rule or a
#     quarter separator (lines from the frame's top to its bottom);
#   - no heading is the last text of its page's body (the cover aside);
#   - nothing crosses the edge of a box (a stroked rectangle: a table
#     cell, a chart's frame, an organisation chart's box): every text,
#     fill, line and other box is inside it or outside it, lines may
#     end on its edge (connectors);
#   - hyphenation: every line that ends in a hyphen inside a word (the
#     next line of its block goes on with letters) breaks where the
#     Spanish patterns of libhyphen (hyph_es, read here) allow, two
#     letters from either end; a word in capitals is never hyphenated.
#     Checked when the source XML is given (invariants.pl TRACE XML, and
#     the files it names): a hyphen the source has ("socio-económico")
#     is not a hyphenation, and a word cut with no hyphen (found whole in
#     the source) must be one that fills its line alone: wider than its
#     column, at the smallest size its style shrinks to (headers shrink
#     before they break);
#   - no table cell split by the page leaves fewer than two lines on
#     either side: the boxes the table marks (mark ... "split" at the
#     foot, "continued" at the head) hold two lines each or more;
#   - no page uses less than a quarter of its body (from the frame's top,
#     the highest mark of any page of its size, to the footer rule),
#     except the cover, the contents (dotted leaders), the approval page
#     (signature fields), the last page before a change of orientation
#     and the end of the text (the last page, or the one before the
#     approval page);
#   - every matrix page and every timeline page carries its title line
#     (12 pt, above the header row): the POA's title, or on the pages it
#     goes on to, the title "(continuación)".
# Prints each violation and exits 1 if there is any.
use strict;
use warnings;
binmode STDOUT, ':utf8';

my ($file, $xml) = @ARGV;

# ---- libhyphen's Spanish patterns (Liang's algorithm, as libhyphen
# applies them: LEFTHYPHENMIN and RIGHTHYPHENMIN 2) ----
my %pat;
my ($dic) = grep { -r } map { "/usr/share/hyphen/hyph_es_$_.dic" } qw(SV ES);
if ($dic && open my $d, '<:encoding(UTF-8)', $dic) {
	<$d>;   # the encoding
	while (<$d>) {
		s/\s+$//;
		next if /^[A-Z]/ || $_ eq '' || /^%/;
		(my $letters = $_) =~ s/\d//g;
		my @v = (0) x (length($letters) + 1);
		my $k = 0;
		for my $c (split //) {
			if ($c =~ /\d/) { $v[$k] = $c } else { $k++ }
		}
		$pat{$letters} = \@v;
	}
}
# The break points of a word: after its k-th letter, for each k given.
sub hyphen_points {
	my $word = lc shift;
	my $w = ".$word.";
	my $n = length $w;
	my @v = (0) x ($n + 1);
	for my $i (0 .. $n - 1) {
		for my $j ($i + 1 .. $n) {
			my $p = $pat{ substr($w, $i, $j - $i) } or next;
			for my $k (0 .. $#$p) { $v[ $i + $k ] = $p->[$k] if $p->[$k] > $v[ $i + $k ] }
		}
	}
	my $len = length $word;
	return grep { $_ >= 2 && $len - $_ >= 2 && $v[ $_ + 1 ] % 2 } 1 .. $len - 1;
}
sub in_capitals { my $w = shift; return $w !~ /\p{Ll}/ && ($w =~ tr/A-ZÁÉÍÓÚÜÑ//) >= 2 }

# The source's text, tags dropped, for hyphens it has and words cut.
# A progress report or an accountability report brings the text of the
# files it names (archivo="plan-2019.xml"): those are read too.
my $src;
sub read_source {
	my ($path, $depth) = @_;
	open my $x, '<:utf8', $path or return;
	local $/;
	my $t = <$x>;
	(my $dir = $path) =~ s{[^/]*$}{};
	for my $f ($t =~ /="([^"<>]+\.xml)"/g) {
		read_source($f =~ m{^/} ? $f : "$dir$f", $depth + 1) if $depth < 3;
	}
	$t =~ s/<!--.*?-->//gs;
	$t =~ s/<[^>]*>/ /g;
	$t =~ s/&amp;/&/g;
	$t =~ s/\s+/ /g;
	$src .= " $t";
}
read_source($xml, 0) if $xml;
my %hard;   # "left-right" pairs cached
sub source_has { my $s = shift; return $hard{$s} //= defined $src && index($src, $s) >= 0 }
open my $f, '<:utf8', $file or die "$file: $!";
my (@bad, $page, $w, $h, $label, @texts, @strokes, @lines, @polys, @boxes, @marks, @fills, $pages, $fields, @ext);
my (@info, %top, @cut);   # pages for the page-use check; the body's top by page size; the cells cut by the page

# The lines of text (distinct baselines) inside box b, and whether one
# of them is a repetition marked "(cont.)".
sub lines_in {
	my ($b) = @_;
	my (%base, $cont);
	for my $t (@texts) {
		next unless $t->{x} >= $b->{x} - 0.5 && $t->{x} + $t->{w} <= $b->{x} + $b->{w} + 0.5 &&
			$t->{base} > $b->{y} && $t->{base} < $b->{y} + $b->{h};
		$base{ sprintf '%.1f', $t->{base} } = 1;
		$cont = 1 if $t->{s} =~ /\(cont\.\)/;
	}
	return (scalar keys %base, $cont);
}

# Cells split by the page (the table's marks): two lines or more on
# each side.
sub split_cells {
	for my $m (@cut) {
		my ($n) = lines_in($m);
		push @bad, sprintf "page %d: a cell %s with %d line(s) at %.1f,%.1f", $page,
			$m->{what} eq 'split' ? 'split at the foot' : 'continued at the head', $n, $m->{x}, $m->{y}
			if $n < 2;
	}
}

# The title line of a matrix or timeline page, above its header (top).
sub title_line {
	my ($top, $what) = @_;
	push @bad, "page $page: a $what page without its title line"
		unless grep { abs($_->{h} - 12) < 0.01 && $_->{base} < $top } @texts;
}

# Whether box a [x0, x1] x [y0, y1] crosses an edge of box b.
sub straddles {
	my ($a, $b) = @_;
	my $inside = $a->[0] >= $b->[0] - 0.5 && $a->[2] <= $b->[2] + 0.5 && $a->[1] >= $b->[1] - 0.5 && $a->[3] <= $b->[3] + 0.5;
	my $apart = $a->[2] <= $b->[0] + 0.5 || $a->[0] >= $b->[2] - 0.5 || $a->[3] <= $b->[1] + 0.5 || $a->[1] >= $b->[3] - 0.5;
	return !$inside && !$apart;
}

sub timeline_page {
	# The frame: the largest box around the header (a matrix may end
	# above the chart on the page).
	my @q = grep { $_->{s} eq 'Trimestre 1' } @texts;
	my ($frame) = sort { $b->{w} * $b->{h} <=> $a->{w} * $a->{h} }
		grep { my $s = $_; grep { $_->{x} >= $s->{x} && $_->{x} < $s->{x} + $s->{w} && $_->{base} > $s->{y} && $_->{base} < $s->{y} + $s->{h} } @q } @strokes;
	if (!$frame) { push @bad, "page $page: a timeline without its frame"; return }
	my $box = [ $frame->{x}, $frame->{y}, $frame->{x} + $frame->{w}, $frame->{y} + $frame->{h} ];
	my @in = grep { $_->{x} >= $box->[0] && $_->{x} < $box->[2] && $_->{base} > $box->[1] && $_->{base} < $box->[3] } @texts;
	my ($q1) = sort { $a->{base} <=> $b->{base} } grep { $_->{s} eq 'Trimestre 1' } @in;
	push @bad, "page $page: the timeline does not start with its header"
		if !$q1 || grep { $_->{bot} < $q1->{top} } @in;
	title_line($q1->{top}, 'timeline') if $q1;
	my @rules = grep { abs($_->{x0} - $_->{x1}) < 0.01 && abs($_->{y0} - $box->[1]) < 0.5 && abs($_->{y1} - $box->[3]) < 0.5 } @lines;
	push @bad, "page $page: a timeline without its label column's rule" unless @rules;
	for my $t (@texts) {
		my $tb = [ $t->{x}, $t->{top}, $t->{x} + $t->{w}, $t->{bot} ];
		push @bad, "page $page: \"$t->{s}\" leaves the timeline" if straddles($tb, $box);
		for my $r (@rules) {
			push @bad, "page $page: \"$t->{s}\" crosses a rule of the timeline at x=$r->{x0}"
				if $t->{x} < $r->{x0} - 0.5 && $t->{x} + $t->{w} > $r->{x0} + 0.5 && $t->{base} > $box->[1] && $t->{base} < $box->[3];
		}
	}
	push @bad, "page $page: a diamond leaves the timeline" if grep { straddles($_, $box) } @polys;
}

# Texts, fills, lines and boxes that cross the edge of a box.
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
			next if $b == $r || !straddles($r, $b);
			next if $what eq 'box' && !straddles($b, $r);   # b inside r
			next if $seen{"$what @$r"}++;
			push @bad, sprintf "page %d: %s crosses the edge of the box at %.1f,%.1f", $page, $what, $b->[0], $b->[1];
		}
	}
}

# Each line and the next of its block (the same size, the next
# baseline, across the same columns): where it breaks a word.
sub hyphenation {
	return unless %pat && defined $src;   # hyphens of the source's own are told apart by it
	my @t = sort { $a->{base} <=> $b->{base} } @texts;
	for my $i (0 .. $#t) {
		my $a = $t[$i];
		my ($l) = $a->{s} =~ /(\S+)$/ or next;
		next unless $l =~ /\p{L}-?$/;
		my $b;
		for my $j ($i + 1 .. $#t) {
			my $c = $t[$j];
			last if $c->{base} - $a->{base} > 1.6 * $a->{h};
			next if abs($c->{h} - $a->{h}) > 0.01 || $c->{base} - $a->{base} < 0.8 * $a->{h};
			next if $c->{x} >= $a->{x} + $a->{w} - 0.5 || $a->{x} >= $c->{x} + $c->{w} - 0.5;
			$b = $c;
			last;
		}
		next unless $b;
		my ($r) = $b->{s} =~ /^(\p{L}+)/ or next;
		if ($l =~ /(\p{L}+)-$/) {
			my $left = $1;
			# The source's own hyphen ("socio-económico", "Ejecutiva- Equipo").
			next if source_has("$left-$r") || source_has("$left- $r");
			my $word = "$left$r";
			if (in_capitals($word)) {
				push @bad, "page $page: a word in capitals hyphenated: \"$left-$r\"";
			} elsif (!grep { $_ == length $left } hyphen_points($word)) {
				push @bad, "page $page: \"$left-$r\" is not a hyphenation point of \"$word\"";
			}
		} elsif (defined $src) {
			# Letters on both sides and no hyphen: a word cut, if the
			# source has it whole and not the two parts apart.
			my ($left) = $l =~ /(\p{L}+)$/;
			next if source_has("$left $r") || !source_has("$left$r");
			next if $src !~ /(?<!\p{L})\p{L}*\Q$left$r\E\p{L}*(?!\p{L})/;
			push @bad, "page $page: \"$left|$r\" cut where it need not be (the word does not fill its line)"
				if $a->{s} ne $l;
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
	if ($w > $h && grep { $_->{s} eq 'Trimestre 1' } @texts) {
		timeline_page();
	} elsif ($w > $h && grep { $_->{h} <= 7.5 } @texts) {
		# A matrix page (its cells are 7 pt; a landscape page of the
		# booklet may hold only a POA's results table): the header row
		# comes before any cell of the matrix.
		my ($head) = grep { $_->{s} =~ /^(RESULTADOS|Resultados)/ } @texts;
		# (Tops, not baselines: a header set smaller to fit its column
		# has its baseline higher in the same row.)
		my @above = $head ? grep { $_->{h} <= 7.5 && $_->{top} < $head->{top} - 1 } @texts : ();
		push @bad, "page $page: a matrix page that does not start with its header row"
			if !$head || @above;
		title_line($head->{top}, 'matrix') if $head && $head->{s} =~ /^RESULTADOS/;
	}
	# The last text above the footer rule must not be a heading.
	my @body = sort { $a->{base} <=> $b->{base} } grep { $_->{base} < $h - 100 } @texts;
	if ($label ne 'Portada' && @body && $body[-1]{color} eq '#1f3864' && $body[-1]{h} >= 13) {
		push @bad, "page $page: heading \"$body[-1]{s}\" alone at the foot";
	}
	crossings();
	hyphenation();
	# The footer rule: the lowest line across the frame in the heading colour.
	my ($rule) = sort { $b <=> $a } map { $_->{y0} } grep { $_->{color} eq '#1f3864' && abs($_->{y0} - $_->{y1}) < 0.01 && $_->{x1} - $_->{x0} > $w / 2 } @lines;
	split_cells();
	# What the page uses of its body: from its highest mark to its lowest
	# above the footer rule.
	my ($hi, $lo);
	for my $r ((map { $_->[0] } @marks), @polys, @ext) {
		next if defined $rule && $r->[1] >= $rule - 0.5;
		$hi = $r->[1] if !defined $hi || $r->[1] < $hi;
		$lo = $r->[3] if !defined $lo || $r->[3] > $lo;
	}
	my $size = "$w $h";
	$top{$size} = $hi if defined $hi && (!defined $top{$size} || $hi < $top{$size});
	push @info, { page => $page, size => $size, rule => $rule, lo => $lo,
		approval => $fields, exempt => $label eq 'Portada' || $fields || (grep { $_->{s} eq '.' } @texts) > 20 };
	@texts = @strokes = @lines = @polys = @boxes = @marks = @fills = @ext = @cut = ();
	$fields = 0;
}

# Pages using less than a quarter of their body, once every page is read.
sub page_use {
	for my $i (0 .. $#info) {
		my $p = $info[$i];
		next if $p->{exempt} || !defined $p->{rule} || !defined $top{ $p->{size} };
		next if $i < $#info && $info[ $i + 1 ]{size} ne $p->{size};   # before a change of orientation
		next if $i == $#info || $info[ $i + 1 ]{approval};   # the end of the text
		my $body = $p->{rule} - $top{ $p->{size} };
		my $used = defined $p->{lo} ? $p->{lo} - $top{ $p->{size} } : 0;
		push @bad, sprintf "page %d: uses %.0f%% of its body", $p->{page}, 100 * $used / $body
			if $used < $body / 4;
	}
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
	} elsif (/^image ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) /) {
		push @ext, [ $1, $2, $1 + $3, $2 + $4 ];
	} elsif (/^mark ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) "(\w+)"$/) {
		push @cut, { x => $1, y => $2, w => $3, h => $4, what => $5 };
	} elsif (/^field /) {
		$fields = 1;
	} elsif (/^(fill|stroke) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) .*?(#\w+)$/) {
		push @fills, { x => $2, y => $3, w => $4, h => $5, color => $6 } if $1 eq 'fill';
		my $r = [ $2, $3, $2 + $4, $3 + $5 ];
		push @boxes, $r if $1 eq 'stroke';
		push @strokes, { x => $2, y => $3, w => $4, h => $5 } if $1 eq 'stroke';
		push @marks, [ $r, $1 eq 'stroke' ? 'box' : 'fill' ];
	} elsif (/^line ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ (#\w+)/) {
		push @lines, { x0 => $1, y0 => $2, x1 => $3, y1 => $4, color => $5 };
		my ($x0, $x1) = $1 < $3 ? ($1, $3) : ($3, $1);
		my ($y0, $y1) = $2 < $4 ? ($2, $4) : ($4, $2);
		push @marks, [ [ $x0, $y0, $x1, $y1 ], 'line' ];
	} elsif (/^poly \d+ (.*) #\w+$/) {
		my @p = split / /, $1;
		my @xs = sort { $a <=> $b } @p[ grep { $_ % 2 == 0 } 0 .. $#p ];
		my @ys = sort { $a <=> $b } @p[ grep { $_ % 2 == 1 } 0 .. $#p ];
		push @polys, [ $xs[0], $ys[0], $xs[-1], $ys[-1] ];
	}
}
finish_page();
page_use();
printf "invariants: %d pages, %d violations\n", $pages // 0, scalar @bad;
print "  $_\n" for @bad[0 .. ($#bad < 14 || $ENV{ALL} ? $#bad : 14)];
exit(@bad ? 1 : 0);
