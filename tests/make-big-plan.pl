#!/usr/bin/perl
# make-big-plan.pl MB [PLAN.xml] — prints a valid plan of about MB
# megabytes: the 2019 plan (or PLAN.xml) whose ten POAs are copied until
# the size is reached, each copy with its own ids and its own unit in the
# organisation.  For the memory figures of make bench and the
# interrupted-render tests; made at run time, never committed.
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
my ($units, $copies) = ('', '');
for (my $k = 1; length($head) + length($units) + length($copies) < $want; $k++) {
	my $c = $poas;
	$c =~ s/\bid="([^"]+)"/id="$1-c$k"/g;
	$c =~ s/\bunidad="([^"]+)"/unidad="$1-c$k"/g;
	while ($poas =~ /<poa [^>]*\bunidad="([^"]+)"/g) {
		my $name = $unit_of{$1} // $1;
		$units .= qq(    <unidad id="$1-c$k" nombre="$name (copia $k)" nivel="operativo"/>\n);
	}
	$copies .= $c;
}
$head =~ s{</organizacion>}{$units  </organizacion>} or die "$file: no </organizacion>\n";
print $head, $poas, $copies, "</plan>\n";
