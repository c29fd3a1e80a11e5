#!/usr/bin/perl
# make-png.pl W H OUT — writes a W×H PNG (8-bit RGB): light grey with a
# dark blue diagonal band, so that a scaled copy is recognisable.  For
# the tests of large images, without committing large files.
use strict;
use warnings;
use Compress::Zlib;

my ($w, $h, $out) = @ARGV;
die "usage: make-png.pl W H OUT\n" unless $out && $w > 0 && $h > 0;
sub chunk { my ($t, $d) = @_; pack('N', length $d) . $t . $d . pack('N', crc32($t . $d)) }
my $z = deflateInit(-Level => 6) or die "deflateInit\n";
my $idat = '';
for my $y (0 .. $h - 1) {
	my $row = "\0" . ("\xd0\xd0\xd0" x $w);
	my $x = int($y * $w / $h);
	my $n = $w - $x < 40 ? $w - $x : 40;
	substr($row, 1 + 3 * $x, 3 * $n) = "\x20\x20\x60" x $n;
	my ($o) = $z->deflate($row);
	$idat .= $o;
}
my ($o) = $z->flush();
$idat .= $o;
open my $f, '>:raw', $out or die "$out: $!\n";
print $f "\x89PNG\r\n\x1a\n", chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0)),
	chunk('IDAT', $idat), chunk('IEND', '');
close $f or die "$out: $!\n";
