#!/usr/bin/perl
# tsa-server.pl DIR — a timestamp authority for the tests, on 127.0.0.1:
# an HTTP server (one request at a time) that answers each POSTed RFC
# 3161 request with `openssl ts -reply -config DIR/tsa.cnf`.  It listens
# on a free port, writes it to DIR/port once it listens, and serves until
# it is killed (the test kills it by its pid).  Only perl-base modules.
use strict;
use warnings;
use IO::Socket::INET;

my $dir = shift or die "usage: tsa-server.pl DIR\n";
my $srv = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
	Listen => 5, Proto => 'tcp', ReuseAddr => 1) or die "tsa-server: $!\n";
open my $p, '>', "$dir/port.tmp" or die;
print $p $srv->sockport, "\n";
close $p;
rename "$dir/port.tmp", "$dir/port";

while (my $c = $srv->accept) {
	local $/ = "\r\n";
	my $line = <$c> // next;
	my $len = 0;
	while (defined(my $h = <$c>)) {
		last if $h eq "\r\n";
		$len = $1 if $h =~ /^Content-Length:\s*(\d+)/i;
	}
	my $body = '';
	read($c, $body, $len) if $len;
	open my $q, '>:raw', "$dir/query.tsq" or die;
	print $q $body;
	close $q;
	unlink "$dir/reply.tsr";
	system('openssl', 'ts', '-reply', '-config', "$dir/tsa.cnf",
		'-queryfile', "$dir/query.tsq", '-out', "$dir/reply.tsr") if $len;
	my $reply = '';
	if (-s "$dir/reply.tsr") {
		open my $r, '<:raw', "$dir/reply.tsr" or die;
		local $/;
		$reply = <$r>;
		close $r;
		print $c "HTTP/1.0 200 OK\r\nContent-Type: application/timestamp-reply\r\n",
			"Content-Length: ", length($reply), "\r\n\r\n", $reply;
	} else {
		print $c "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
	}
	close $c;
}
