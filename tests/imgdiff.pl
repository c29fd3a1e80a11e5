#!/usr/bin/perl
# imgdiff.pl REF.png NEW.pgm DIFF.png [TOLERANCE] — compares a grey image
# with its reference of the same size (each an 8-bit grey PNG as this
# script writes them, or a PGM as pdftoppm -gray does): a pixel differs when
# its grey levels are more than 64 apart; the images match when at most
# TOLERANCE (a fraction, default 0.003) of the pixels differ.  Prints
# "N of M pixels differ (P %)"; on a mismatch (or another size) writes
# DIFF.png: the reference faded, the differing pixels black, and exits 1.
# Exits 2 if a file is not such an image.  Only core Perl (Compress::Zlib).
#
# imgdiff.pl --png IN.pgm OUT.png — writes the PGM as a grey PNG (how
# reference.sh makes its references: pdftoppm's PNG would be RGB).
use strict;
use warnings;
use Compress::Zlib qw(compress uncompress crc32);

sub png_read {
	my $file = shift;
	open my $f, '<:raw', $file or die "$file: $!\n";
	local $/;
	my $d = <$f>;
	if ($d =~ s/^P5\s+(\d+)\s+(\d+)\s+255\s//) { # a PGM
		my ($w, $h) = ($1, $2);
		length $d >= $w * $h or die "$file: short PGM\n";
		return ($w, $h, [unpack 'C*', substr($d, 0, $w * $h)]);
	}
	substr($d, 0, 8) eq "\x89PNG\r\n\x1a\n" or die "$file: not a PNG\n";
	my ($p, $w, $h, $idat) = (8, 0, 0, '');
	while ($p + 8 <= length $d) {
		my ($len, $type) = unpack 'N a4', substr($d, $p, 8);
		my $body = substr($d, $p + 8, $len);
		if ($type eq 'IHDR') {
			my ($depth, $color, $interlace);
			($w, $h, $depth, $color, undef, undef, $interlace) = unpack 'N N C C C C C', $body;
			die "$file: not an 8-bit grey PNG (depth $depth, colour $color)\n"
				unless $depth == 8 && $color == 0 && !$interlace;
		} elsif ($type eq 'IDAT') {
			$idat .= $body;
		} elsif ($type eq 'IEND') {
			last;
		}
		$p += 12 + $len;
	}
	my $raw = uncompress($idat) // die "$file: damaged image data\n";
	length $raw == $h * ($w + 1) or die "$file: short image data\n";
	my (@px, @prev);
	@prev = (0) x $w;
	for my $y (0 .. $h - 1) {
		my $ft = ord substr($raw, $y * ($w + 1), 1);
		my @cur = unpack 'C*', substr($raw, $y * ($w + 1) + 1, $w);
		for my $x (0 .. $w - 1) {
			my $a = $x ? $cur[$x - 1] : 0;
			my $b = $prev[$x];
			my $c = $x ? $prev[$x - 1] : 0;
			my $v = $cur[$x];
			if ($ft == 1) { $v += $a }
			elsif ($ft == 2) { $v += $b }
			elsif ($ft == 3) { $v += int(($a + $b) / 2) }
			elsif ($ft == 4) {
				my $pp = $a + $b - $c;
				my ($pa, $pb, $pc) = (abs($pp - $a), abs($pp - $b), abs($pp - $c));
				$v += $pa <= $pb && $pa <= $pc ? $a : $pb <= $pc ? $b : $c;
			}
			$cur[$x] = $v & 255;
		}
		push @px, @cur;
		@prev = @cur;
	}
	return ($w, $h, \@px);
}

sub chunk {
	my ($type, $body) = @_;
	return pack('N', length $body) . $type . $body . pack('N', crc32($type . $body));
}

sub png_write {
	my ($file, $w, $h, $px) = @_;
	my $raw = ''; # rows unfiltered: text pages compress best so
	$raw .= "\0" . pack('C*', @$px[$_ * $w .. $_ * $w + $w - 1]) for 0 .. $h - 1;
	open my $f, '>:raw', $file or die "$file: $!\n";
	print $f "\x89PNG\r\n\x1a\n", chunk('IHDR', pack('N N C C C C C', $w, $h, 8, 0, 0, 0, 0)),
		chunk('IDAT', compress($raw, 9)), chunk('IEND', '');
	close $f or die "$file: $!\n";
}

if (@ARGV == 3 && $ARGV[0] eq '--png') {
	my ($w, $h, $px) = eval { png_read($ARGV[1]) } or do { print $@; exit 2 };
	png_write($ARGV[2], $w, $h, $px);
	exit 0;
}
my ($ref, $new, $diff, $tol) = @ARGV;
die "usage: imgdiff.pl REF.png NEW.png DIFF.png [TOLERANCE]\n" unless $diff;
$tol //= 0.003;
my ($rw, $rh, $rp) = eval { png_read($ref) } or do { print $@; exit 2 };
my ($nw, $nh, $np) = eval { png_read($new) } or do { print $@; exit 2 };
if ($rw != $nw || $rh != $nh) {
	print "size ${nw}x$nh, the reference's ${rw}x$rh\n";
	png_write($diff, $nw, $nh, $np);
	exit 1;
}
my ($n, @out) = (0);
for my $i (0 .. $#$rp) {
	if (abs($rp->[$i] - $np->[$i]) > 64) {
		$n++;
		push @out, 0;
	} else {
		push @out, 192 + int($rp->[$i] / 4);
	}
}
my $share = $n / @$rp;
printf "%d of %d pixels differ (%.3f %%)\n", $n, scalar @$rp, 100 * $share;
exit 0 if $share <= $tol;
png_write($diff, $rw, $rh, \@out);
exit 1;
