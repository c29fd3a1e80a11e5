# PgXml.pm — what the independent checkers of the figures share
# (tests/figures.pl, tests/report-figures.pl): a small reader of
# plangen's own well-formed XML files (elements, attributes, text, line
# numbers; no DTD beyond skipping it), one decimal as C's round(10x)/10,
# and RFC 4180 fields.  Core perl only (perl-base).
package PgXml;
use strict;
use warnings;
use POSIX qw(floor);
use Encode qw(encode_utf8);
use Exporter qw(import);
our @EXPORT = qw(decode_entities parse_xml elems first raw_text collapse plain months round1 num csv);

sub decode_entities {
	my ($s) = @_;
	$s =~ s{&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);}{
		my $e = $1;
		$e eq 'amp' ? '&' : $e eq 'lt' ? '<' : $e eq 'gt' ? '>' :
		$e eq 'quot' ? '"' : $e eq 'apos' ? "'" :
		$e =~ /^#x(.*)/ ? encode_utf8(chr hex $1) :
		encode_utf8(chr substr($e, 1))
	}ge;
	return $s;
}

sub parse_xml {
	my ($path) = @_;
	open my $fh, '<:raw', $path or return undef;
	local $/;
	my $x = <$fh>;
	close $fh;
	my $root = { name => '#document', attr => {}, kids => [] };
	my @stack = ($root);
	my $pos = 0;
	my $len = length $x;
	my $line = 1;
	my $lpos = 0;    # $line is the line of $lpos
	my $line_at = sub {
		my ($p) = @_;
		$line += (substr($x, $lpos, $p - $lpos) =~ tr/\n//);
		$lpos = $p;
		return $line;
	};
	while ($pos < $len) {
		if (substr($x, $pos, 4) eq '<!--') {
			my $e = index($x, '-->', $pos);
			die "$path: unterminated comment\n" if $e < 0;
			$pos = $e + 3;
		} elsif (substr($x, $pos, 9) eq '<![CDATA[') {
			my $e = index($x, ']]>', $pos);
			die "$path: unterminated CDATA\n" if $e < 0;
			push @{$stack[-1]{kids}}, \(my $t = substr($x, $pos + 9, $e - $pos - 9));
			$pos = $e + 3;
		} elsif (substr($x, $pos, 2) eq '<?') {
			my $e = index($x, '?>', $pos);
			die "$path: unterminated processing instruction\n" if $e < 0;
			$pos = $e + 2;
		} elsif (substr($x, $pos, 2) eq '<!') {
			pos($x) = $pos;
			$x =~ /\G<!DOCTYPE(?:[^\[>]*)(?:\[.*?\])?\s*>/gcs
			    or die "$path: bad markup declaration\n";
			$pos = pos($x);
		} elsif (substr($x, $pos, 2) eq '</') {
			pos($x) = $pos;
			$x =~ /\G<\/([^\s>]+)\s*>/gc or die "$path: bad end tag\n";
			my $n = $1;
			$pos = pos($x);
			my $open = pop @stack;
			die "$path: </$n> closes <$open->{name}>\n"
			    if !$open || $open->{name} ne $n;
		} elsif (substr($x, $pos, 1) eq '<') {
			pos($x) = $pos;
			$x =~ /\G<([^\s\/>]+)/gc or die "$path: bad tag\n";
			my $node = { name => $1, attr => {}, kids => [],
				     line => $line_at->($pos) };
			while ($x =~ /\G\s+([^\s=\/>]+)\s*=\s*("[^"]*"|'[^']*')/gc) {
				my ($k, $v) = ($1, $2);
				$v = substr($v, 1, -1);
				$v =~ s/[\t\r\n]/ /g;    # attribute-value normalisation
				$node->{attr}{$k} = decode_entities($v);
			}
			$x =~ /\G\s*(\/?)>/gc or die "$path: bad tag <$node->{name}\n";
			my $empty = $1;
			$pos = pos($x);
			push @{$stack[-1]{kids}}, $node;
			push @stack, $node unless $empty;
		} else {
			my $e = index($x, '<', $pos);
			$e = $len if $e < 0;
			push @{$stack[-1]{kids}},
			    \(my $t = decode_entities(substr($x, $pos, $e - $pos)));
			$pos = $e;
		}
	}
	die "$path: <$stack[-1]{name}> is not closed\n" if @stack > 1;
	my ($top) = grep { ref $_ eq 'HASH' } @{$root->{kids}};
	die "$path: no root element\n" unless $top;
	return $top;
}

sub elems { my ($n, $name) = @_; grep { ref $_ eq 'HASH' && (!defined $name || $_->{name} eq $name) } @{$n->{kids}} }

sub first { my @e = elems(@_); $e[0] }

sub raw_text {
	my ($n) = @_;
	my $s = '';
	for my $k (@{$n->{kids}}) {
		if (ref $k eq 'SCALAR') { $s .= $$k }
		elsif ($k->{name} eq 'br') { $s .= ' ' }
		elsif ($k->{name} eq 'nota') { }
		else { $s .= raw_text($k) }
	}
	return $s;
}

sub round1 {
	my ($x) = @_;
	my $y = 10 * $x;
	my $a = abs $y;
	my $t = floor($a);
	$t += 1 if $a - $t >= 0.5;    # C's round(): half away from zero
	return ($y < 0 ? -$t : $t) / 10;
}

sub num { defined $_[0] ? sprintf('%.1f', round1($_[0])) : '' }

sub csv {
	my @f = map {
		my $v = defined $_ ? $_ : '';
		$v =~ /[",\n\r]/ ? do { (my $q = $v) =~ s/"/""/g; "\"$q\"" } : $v
	} @_;
	return join(',', @f) . "\n";
}

sub collapse { my ($s) = @_; $s =~ s/[ \t\r\n]+/ /g; $s =~ s/^ //; $s =~ s/ $//; $s }

# Plain text: markup dropped, <br/> a space, <nota> dropped, whitespace
# collapsed.
sub plain { my ($n) = @_; $n ? collapse(raw_text($n)) : '' }

# "1-12", "1-3 7-9", "3 6 9 12", "1-3,7,9-10": a sorted list of months;
# a bad token is reported through the caller's error().
sub months {
	my ($v, $where) = @_;
	my %m;
	for my $tok (grep { length } split /[ ,]+/, $v) {
		if ($tok =~ /^(\d+)(?:-(\d+))?$/) {
			my ($a, $b) = ($1, defined $2 ? $2 : $1);
			if ($a < 1 || $a > 12 || $b < 1 || $b > 12 || $b < $a) {
				main::error($where, "meses=\"$v\": bad month or range \"$tok\"");
				next;
			}
			$m{$_} = 1 for $a .. $b;
		} else {
			main::error($where, "meses=\"$v\": \"$tok\" is not a month or a range");
		}
	}
	return [sort { $a <=> $b } keys %m];
}

1;
