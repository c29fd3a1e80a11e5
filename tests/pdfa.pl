#!/usr/bin/perl
# pdfa.pl PDF — what PDF/A-3 and a tagged PDF ask, read from qpdf --json
# (no validator for PDF/A-3 is in Debian: see the README).  Prints one
# line per failure and exits 1 if any:
#   catalog: /Lang, /MarkInfo /Marked true, /StructTreeRoot, /Metadata
#     (an uncompressed XML stream), /OutputIntents (GTS_PDFA1 with an ICC
#     profile of 3 components), /AF;
#   structure: H1, P, Table, TR, TH, TD, Figure elements, every Figure
#     with /Alt, every TH with /Scope, /Link elements;
#   pages: the content that no element holds is /Artifact; every
#     annotation printable (/F 4) and, for a link, in the structure
#     (/StructParent);
#   attached files: /AFRelationship, /UF, a MIME /Subtype, /Params with
#     /ModDate;
#   no /Encrypt; /Info dates D:...; the XMP names pdfaid part 3 and has
#     the /Info dates and title.
use strict;
use warnings;
use JSON::PP;
use MIME::Base64;

# --no-info: a file whose last trailer has no /Info (a signed file:
# sign.c's incremental update does not carry it yet) is not failed for
# that; the rest is checked the same.
my $no_info = @ARGV && $ARGV[0] eq '--no-info' ? shift : 0;
my $pdf = shift or die "usage: pdfa.pl [--no-info] PDF\n";
open(my $j, '-|', 'qpdf', '--json', '--json-key=qpdf', '--json-stream-data=inline',
     '--decode-level=generalized', $pdf) or die "qpdf: $!\n";
local $/;
my $doc = decode_json(<$j>);
close $j;
my $objs = $doc->{qpdf}[1];
my @fail;
sub obj { my $r = shift; return ref $r ? $r : $objs->{"obj:$r"} }
sub val { my $o = obj(shift); return $o ? ($o->{value} // $o->{stream}{dict}) : undef }

my $trailer = $objs->{trailer}{value};
my $cat = val($trailer->{'/Root'});
for my $k (qw(/Lang /MarkInfo /StructTreeRoot /Metadata /OutputIntents /AF)) {
	push @fail, "catalog: no $k" unless exists $cat->{$k};
}
push @fail, "catalog: /MarkInfo not Marked" unless ($cat->{'/MarkInfo'}{'/Marked'} // 0);
push @fail, "encrypted" if exists $trailer->{'/Encrypt'};

# The XMP.
my $meta = obj($cat->{'/Metadata'} // '0 0 R');
my $xmp = '';
if ($meta && $meta->{stream}) {
	push @fail, "metadata compressed" if exists $meta->{stream}{dict}{'/Filter'};

	$xmp = MIME::Base64::decode_base64($meta->{stream}{data} // '');
	utf8::decode($xmp);
}
push @fail, "xmp: no pdfaid:part 3" unless $xmp =~ m{<pdfaid:part>3</pdfaid:part>};
push @fail, "xmp: no conformance" unless $xmp =~ m{<pdfaid:conformance>[AB]</pdfaid:conformance>};
my $info = val($trailer->{'/Info'} // '0 0 R');
push @fail, "no /Info" unless $info || $no_info;
for my $d ($info ? (['/CreationDate', 'xmp:CreateDate'], ['/ModDate', 'xmp:ModifyDate']) : ()) {
	my $v = $info->{$d->[0]} // '';
	$v =~ s/^u://;
	if ($v =~ /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|([+-]\d\d)'(\d\d)')$/) {
		my $zone = $7 eq 'Z' ? 'Z' : "$8:$9";
		my $iso = "$1-$2-$3T$4:$5:$6$zone";
		push @fail, "xmp: $d->[1] is not $iso (/Info $d->[0])"
			unless $xmp =~ m{<$d->[1]>\Q$iso\E</$d->[1]>};
	} else {
		push @fail, "info: $d->[0] '$v' is not D:YYYYMMDDHHmmSS with a zone";
	}
}
(my $title = $info ? ($info->{'/Title'} // '') : '') =~ s/^u://;
push @fail, "xmp: no dc:title '$title'" unless !$info || ($title ne '' && index($xmp, ">$title<") >= 0);

# The output intent.
my $oi = val(($cat->{'/OutputIntents'} // [])->[0] // '0 0 R') // {};
push @fail, "output intent: not GTS_PDFA1" unless ($oi->{'/S'} // '') eq '/GTS_PDFA1';
my $icc = val($oi->{'/DestOutputProfile'} // '0 0 R') // {};
push @fail, "output intent: no ICC profile of 3 components" unless ($icc->{'/N'} // 0) == 3;

# The attached files.
for my $r (@{ $cat->{'/AF'} // [] }) {
	my $fs = val($r) // {};
	push @fail, "attachment: no /AFRelationship" unless $fs->{'/AFRelationship'};
	push @fail, "attachment: no /UF" unless $fs->{'/UF'};
	my $ef = val($fs->{'/EF'}{'/F'} // '0 0 R') // {};
	push @fail, "attachment: no MIME type" unless ($ef->{'/Subtype'} // '') =~ m{^/\w+(/|#2[Ff])};
	push @fail, "attachment: no /ModDate" unless $ef->{'/Params'}{'/ModDate'};
}

# The structure.
my (%count, %alt, %scope);
for my $o (values %$objs) {
	my $v = ref $o eq 'HASH' ? $o->{value} : undef;
	# A structure element: its type (/S) and parent (/P); its /Type is
	# optional.
	next unless ref $v eq 'HASH' && ($v->{'/Type'} // '/StructElem') eq '/StructElem' &&
		$v->{'/S'} && $v->{'/P'};
	my $s = $v->{'/S'};
	$count{$s}++;
	$alt{$s}++ if exists $v->{'/Alt'};
	$scope{$s}++ if ref $v->{'/A'} eq 'HASH' && exists $v->{'/A'}{'/Scope'};
}
for my $s (qw(/H1 /P /Table /TR /TH /TD /Figure /Link)) {
	push @fail, "structure: no $s" unless $count{$s};
}
push @fail, sprintf("structure: %d of %d figures without /Alt", ($count{'/Figure'} // 0) - ($alt{'/Figure'} // 0), $count{'/Figure'} // 0)
	if ($alt{'/Figure'} // 0) != ($count{'/Figure'} // 0);
push @fail, "structure: a TH without /Scope" if ($scope{'/TH'} // 0) != ($count{'/TH'} // 0);

# The pages: artifacts, annotations.
my ($pages, $artifacts, $unmarked) = (0, 0, 0);
for my $o (values %$objs) {
	my $v = ref $o eq 'HASH' ? $o->{value} : undef;
	next unless ref $v eq 'HASH';
	if (($v->{'/Type'} // '') eq '/Page') {
		$pages++;
		for my $a (@{ $v->{'/Annots'} // [] }) {
			my $an = val($a);
			push @fail, "annotation not printable" unless (($an->{'/F'} // 0) & 4);
			push @fail, "link not in the structure"
				if ($an->{'/Subtype'} // '') eq '/Link' && !defined $an->{'/StructParent'};
		}
		my $c = obj($v->{'/Contents'});
		my $data = $c && $c->{stream} ? MIME::Base64::decode_base64($c->{stream}{data} // '') : '';
		$artifacts++ if $data =~ m{/Artifact BMC};
		# Drawing outside any marked content: text shown or a path filled.
		my $depth = 0;
		for my $tok ($data =~ m{(BDC|BMC|EMC|\bTJ\b|\bTj\b|\bre f\b)}g) {
			if ($tok eq 'BDC' || $tok eq 'BMC') { $depth++ }
			elsif ($tok eq 'EMC') { $depth-- }
			elsif ($depth <= 0) { $unmarked++ }
		}
	}
}
push @fail, "no page has artifacts" unless $artifacts;
push @fail, "$unmarked drawings outside both structure and artifacts" if $unmarked;

binmode STDOUT, ':encoding(UTF-8)';
print "$pdf: $_\n" for @fail;
exit(@fail ? 1 : 0);
