#!/usr/bin/perl
# make-big-plan.pl MB [PLAN.xml] — prints a valid plan of about MB
# megabytes made from the 2019 plan (or PLAN.xml): its ten POAs copied
# up to 45 times, each copy with its own ids and its own unit in the
# organisation, and in every POA each specific objective repeated as
# often as the size needs (renumbered), within the model's limits (500
# units, 2,000 rows a matrix).  For the memory figures of make bench and
# the interrupted-render tests; made at run time, never committed.
use strict;
use warnings;

my $mb = shift // die "usage: make-big-plan.pl MB [PLAN.xml]\n";
my $file = shift // 'input/plan-2019.xml';
open my $in, '<:raw', $file or die "$file: $!\n";
my $xml = do { local $/; <$in> };
close $in;

my $first = index $xml, '<poa ';
my $end = rindex $xml, '</plan>';
die "$file: no <poa> or no </plan>\n" if $first < 0 || $end < $first;
my ($head, $poas) = (substr($xml, 0, $first), substr($xml, $first, $end - $first));
my %unit_of;
$unit_of{$1} = $2 while $head =~ /<unidad id="([^"]+)" nombre="([^"]+)"/g;

my $want = $mb * 1024 * 1024;
my $copies = 1 + int($want / (length($poas) * 8));
$copies = 45 if $copies > 45;
my $repeat = 1 + int(($want - length $head) / (length($poas) * ($copies + 1)));

# Each specific objective $repeat times, its ids and its number made
# unique in each repetition.
sub grow {
	my ($poa) = @_;
	$poa =~ s{(<objetivo-especifico\b.*?</objetivo-especifico>)}{
		my $o = $1;
		join '', map {
			(my $c = $o) =~ s/\bid="([^"]+)"/id="$1-r$_"/g;
			$c =~ s/^(<objetivo-especifico\b[^>]*?\bnum=")([^"]+)"/$1$2.$_"/ if $_ > 1;
			$c
		} 1 .. $repeat
	}gse;
	return $poa;
}

my ($units, $body) = ('', grow($poas));
for my $k (1 .. $copies) {
	my $c = $poas;
	$c =~ s/\bid="([^"]+)"/id="$1-c$k"/g;
	$c =~ s/\bunidad="([^"]+)"/unidad="$1-c$k"/g;
	while ($poas =~ /<poa [^>]*\bunidad="([^"]+)"/g) {
		my $name = $unit_of{$1} // $1;
		$units .= qq(    <unidad id="$1-c$k" nombre="$name (copia $k)" nivel="operativo"/>\n);
	}
	$body .= grow($c);
}
$head =~ s{</organizacion>}{$units  </organizacion>} or die "$file: no </organizacion>\n";
print $head, $body, "</plan>\n";
