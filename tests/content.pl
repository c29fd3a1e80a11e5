#!/usr/bin/perl
# content.pl PLAN.xml TEXT.txt — checks that the text of a rendered plan
# (pdftotext) contains every paragraph, list item, table cell and POA
# matrix cell of the XML: for each, its first words (up to eight) must
# appear in order, after undoing the line-end hyphenation.  Hyphens are
# left out on both sides: pdftotext joins a line ending in a hyphen to the
# next without it ("OPAMSS-|MUNICIPALIDADES" gives "OPAMSSMUNICIPALIDADES").
# Prints what is missing and exits 1 if anything is.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';

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
