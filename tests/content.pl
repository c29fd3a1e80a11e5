#!/usr/bin/perl
# content.pl PLAN.xml TEXT.txt — checks that the text of a rendered plan
# (pdftotext) contains every paragraph, list item, table cell and POA
# matrix cell of the XML: for each, its first words (up to eight) must
# appear in order, after undoing the line-end hyphenation.  Hyphens are
# left out on both sides: pdftotext joins a line ending in a hyphen to the
# next without it ("OPAMSS-|MUNICIPALIDADES" gives "OPAMSSMUNICIPALIDADES").
# Prints what is missing and exits 1 if anything is.
#
# content.pl --seed SEED.txt EXCEPTIONS TEXT.txt — the same text against
# the printed plan (a seed, tests/seeds): every sentence of the
# seed, as the seed punctuates it, must be in the text whole (its words
# in order, with its own punctuation and capitals), or, when its cell or
# paragraph is cut by a page break, its first part at the foot of one
# page and the rest on a later one.  The seed's units are its lines and,
# in a table row, its cells (tabs); a unit is cut into sentences after
# . ; : ? ! before a capital, a digit or an item's code ("A.2.", "2-"),
# so that a cell that lists several activities is found when each is
# printed in its own row.  What the comparison forgives, on both sides:
# hyphens and line ends (as above), the space before a colon or a comma
# and the one missing after "1." or ":" (typing slips, not punctuation).
# EXCEPTIONS has one sentence of the seed per line, a tab, and why it
# cannot be found (the seed's text extraction garbled it, it is a page
# footer, a picture's description...): those are skipped, and an
# exception that is found is noted (not an error: another change may
# have fixed its cause), so that the list does not outlive its reason.
# The seed's Contenido is compared without its leaders and page numbers.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';

if (@ARGV && $ARGV[0] eq '--seed') {
	shift;
	exit seed(@ARGV);
}
my ($xml, $txt) = @ARGV;
local $/;
open my $fx, '<:utf8', $xml or die "$xml: $!";
my $x = <$fx>;
open my $ft, '<:utf8', $txt or die "$txt: $!";
my $t = <$ft>;

sub norm {
	my $s = shift;
	$s =~ s/\x{00AD}\s*\n\s*//g;   # soft hyphen at a line end
	$s =~ s/\x{00AD}//g;
	$s =~ s/-\s*\n\s*//g;       # a hyphen at a line end
	$s =~ s/-//g;
	$s =~ s/&amp;/&/g; $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g;
	$s =~ s/<[^>]*>/ /g;
	$s =~ s{/\s+}{/}g;           # a line broken after a slash
	$s =~ s/\s+/ /g;
	return $s;
}
$t = norm($t);
$x =~ s/<!--.*?-->//gs;

# Whether the words occur in order, each within 6,000 characters of the
# one before: from every occurrence of the first, the nearest of the rest
# (index, not a regular expression: no backtracking).
sub loose {
	my @w = @_;
	START: for (my $at = index($t, $w[0]); $at >= 0; $at = index($t, $w[0], $at + 1)) {
		my $pos = $at + length $w[0];
		for my $k (1 .. $#w) {
			my $i = index($t, $w[$k], $pos);
			next START if $i < 0 || $i - $pos > 6000;
			$pos = $i + length $w[$k];
		}
		return 1;
	}
	return 0;
}

my ($checked, @missing) = (0);
while ($x =~ m{<(p|item|funcion|celda|texto|verificacion|responsable|financiamiento|riesgo|linea|objetivo|institucion)(?:\s[^>]*)?>(.*?)</\1>}gs) {
	my $s = norm($2);
	$s =~ s/^\s+|\s+$//g;
	next if $s eq '';
	my @w = grep { length } split / /, $s;
	@w = @w[0 .. 7] if @w > 8;
	my $re = join '\s*', map { quotemeta } @w;
	# A merged cell cut by a page break goes on after the page's other
	# cells: then its words are in order, but not next to each other,
	# and a word may be cut there (resuel- ... tas): their first letters,
	# each within 6,000 characters of the one before.
	$checked++;
	push @missing, "$s" unless $t =~ /$re/ || loose(map { substr($_, 0, 4) } @w);
}
printf "content: %d of %d texts found\n", $checked - @missing, $checked;
print "  missing: ", substr($_, 0, 120), "\n" for @missing[0 .. ($#missing < 9 ? $#missing : 9)];
exit(@missing ? 1 : 0);

sub seed_norm {
	my $x = shift;
	$x =~ s/(\d[.-]|:|\b[A-Z]\.\d+)(?=[[:upper:]][[:lower:]])/$1 /g; # "1.Falta", "1-Que", "A.3Taller"
	$x =~ s/:(?=\d)/: /g;          # "OBJETIVO ESTRATEGICO:5."
	$x =~ s{ ?/ ?}{/}g;            # "OBJETIVOS /ALCANCES", "OBJETIVOS/ ALCANCES"
	# The seed's footnote marks; ours are raised digits, set against
	# their word as Pango places them ("instancias1."), where the
	# PDF's text had a space when cairo wrote it (its glyphs drifted).
	$x =~ tr/\x{00B9}\x{00B2}\x{00B3}/123/;
	$x =~ s/\x{00AD}\s*\n\s*//g;
	$x =~ s/\x{00AD}//g;
	$x =~ s/-\s*\n\s*//g;
	$x =~ s/[-\x{2010}]//g;
	$x =~ s{/\s+}{/}g;
	$x =~ s/[^\S\f]+/ /g;          # a page break (\f) stays
	$x =~ s/ ?\f ?/\f/g;
	$x =~ s/ ([:,])/$1/g;           # "OBJETIVO 2 :" is "OBJETIVO 2:"
	return $x;
}

sub seed {
	my ($seed, $except, $txt) = @_;
	local $/;
	open my $fs, '<:utf8', $seed or die "$seed: $!";
	my $s = <$fs>;
	open my $ft, '<:utf8', $txt or die "$txt: $!";
	my $t = seed_norm(<$ft>);
	my %why;
	open my $fe, '<:utf8', $except or die "$except: $!";
	for (split /\n/, <$fe>) {
		next if /^#/ || !/\t/;
		my ($k, $r) = split /\t+/, $_, 2;
		$why{$k} = $r;
	}
	my @units;
	my $toc = 0;
	for my $line (split /\n/, $s) {
		# The seed's Contenido: its entries without their leaders and
		# page numbers (ours are the plan's own pages).
		if ($line =~ /^\s*contenido\s*$/i) {
			$toc = 1;
		} elsif ($toc && $line =~ /\S/) {
			if ($line =~ s/^\s*(\d+(?:\.\d+)*)\s+(.*?)(?:\.{2,}|\t)*\s*\d{1,2}\s*$/$1 $2/) {
				$line =~ s/\.{2,}$//;
			} else {
				$toc = 0;
			}
		}
		$line =~ s/\*\*//g;          # the seed's bold marks
		$line =~ s/\\\$/\$/g;         # and its escaped dollars
		$line =~ s/^\s*-\s+//;        # a list item's dash (its label stays)
		for my $cell (split /\t/, $line) {
			$cell =~ s/^\s+|\s+$//g;
			next if $cell eq '';
			push @units, split /(?<=[.;:?!])\s+(?=[[:upper:]\d¿“"(•])|\s+(?=•)|\s+(?=(?:[A-Z]\.\d+\.?|\d+[-.])\s*[[:upper:]])/, $cell;
		}
	}
	my ($n, %seen, @missing, @stale) = (0);
	for my $u (@units) {
		my $k = seed_norm($u);
		$k =~ s/^\s+|\s+$//g;
		next if length($k) < 4 || $seen{$k}++;
		$n++;
		my $found = index($t, $k) >= 0 || cut($t, $k);
		if (exists $why{$u}) {
			push @stale, $u if $found;
		} elsif (!$found) {
			push @missing, $u;
		}
	}
	my $ex = grep { exists $why{$_} } keys %seen;
	printf "seed %s: %d of %d sentences found, %d excepted\n", $seed, $n - @missing - $ex, $n, $ex;
	print "  missing: $_\n" for @missing;
	print "  note: found, but listed as an exception: $_\n" for @stale;
	return @missing ? 1 : 0;
}

# Whether k is in t cut once by a page break: its first words end a
# stretch of text, the rest follow after at least one \f (on a later
# page, within 30,000 characters).
sub cut {
	my ($t, $k) = @_;
	my @w = split / /, $k;
	for my $i (1 .. $#w) {
		my $a = join ' ', @w[0 .. $i - 1];
		my $b = join ' ', @w[$i .. $#w];
		for (my $at = index($t, $a); $at >= 0; $at = index($t, $a, $at + 1)) {
			my $from = $at + length $a;
			my $j = index($t, $b, $from);
			next if $j < 0 || $j - $from > 30000;
			return 1 if index(substr($t, $from, $j - $from), "\f") >= 0;
		}
	}
	return 0;
}
