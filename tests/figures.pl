#!/usr/bin/perl
# figures.pl — an independent checker of the quarterly progress figures.
#
#   perl tests/figures.pl AVANCE.xml > figures.csv
#
# Reads a progress file (<avance>, input/avance.dtd), the plan it names
# (plan="...", relative to the progress file) and its chain of earlier
# quarters (anterior="..."), computes every figure of the booklet from the
# definitions of the spec with its own code, and prints the CSV that
# `plangen AVANCE.xml -f csv` must print, byte for byte:
#
#   nivel,poa,id,codigo,texto,programado,real,cumplimiento,semaforo,estado
#
# activity rows in the plan's order, then indicators, results, POAs and one
# row for the institution.  Definitions (m = the cut-off month, S = the
# schedule in force: the last meses given for the activity along the
# anterior chain, this file included, else the plan's):
#   programado = 100 * |{s in S : s <= m}| / |S|   (no months: n/a)
#   real       = avance (unreported: 0, estado sin-reporte)
#   aggregates = mean over all the activities under the element, leaving
#                out cancelada ones and those without months
#   cumplimiento = 100 * real / programado (n/a when programado is n/a or 0)
#   semaforo   = verde >= 90, amarillo >= 70, rojo below, gris when n/a
#                (judged unrounded); a cancelled activity has none.
#   numbers shown as C's round(10x)/10 with one decimal.
# Breaches of the rules go to stderr as "error:" (exit 1, no CSV);
# backwards progress and unreported activities as "warning:".
#
# Core Perl only.  The XML reader below is a small tokenizer, enough for
# these well-formed files (no external entities, no DTD internal subset
# beyond skipping it).
use strict;
use warnings;
use File::Basename qw(dirname);
use lib dirname(__FILE__);
use PgXml;
use POSIX qw(floor);
use File::Basename qw(dirname);
use File::Spec;
use Encode qw(encode_utf8);

binmode STDOUT;
my $file = shift or die "usage: perl tests/figures.pl AVANCE.xml\n";
my $errors = 0;
sub error { my ($f, $m) = @_; print STDERR "$f: error: $m\n"; $errors++ }
sub warning { my ($f, $m) = @_; print STDERR "$f: warning: $m\n" }

# ---------------------------------------------------------------- XML


# A node: { name, attr => {..}, kids => [ node | \"text" ], line }.



# ---------------------------------------------------------------- months


# ---------------------------------------------------------------- plan

my @chain;    # [path, root], newest first
{
	my %seen;
	my $p = $file;
	while (defined $p) {
		my $abs = File::Spec->rel2abs($p);
		die "$file: the anterior chain loops at $p\n" if $seen{$abs}++;
		my $r = parse_xml($p) // die "$p: cannot read: $!\n";
		die "$p: the root is <$r->{name}>, not <avance>\n" if $r->{name} ne 'avance';
		push @chain, [$p, $r];
		my $ant = $r->{attr}{anterior};
		$p = defined $ant ? File::Spec->catfile(dirname($p), $ant) : undef;
	}
}
my $av = $chain[0][1];
my $planpath = File::Spec->catfile(dirname($file), $av->{attr}{plan});
my $plan = parse_xml($planpath) // die "$planpath: cannot read: $!\n";
die "$planpath: the root is not <plan>\n" if $plan->{name} ne 'plan';
my $year = $plan->{attr}{anio};

my $trim = $av->{attr}{trimestre} // '';
error($file, "trimestre=\"$trim\" is not 1 to 4") unless $trim =~ /^[1-4]$/;
my $corte = $av->{attr}{corte} // '';
my $m;
if ($corte =~ /^(\d{4})-(\d{2})-(\d{2})$/ && $2 >= 1 && $2 <= 12 && $3 >= 1 && $3 <= 31) {
	error($file, "corte=\"$corte\" is not in the plan's year $year") if $1 ne $year;
	$m = $2 + 0;
} else {
	error($file, "corte=\"$corte\" is not a date YYYY-MM-DD");
	$m = 0;
}

my %riesgo_num = map { $_->{attr}{num} => 1 }
    map { elems($_, 'riesgo-institucional') } elems($plan, 'riesgos');

# The POAs, in plan order, with their results, indicators and activities.
my (@poas, @results, @indicators, @activities, %act, %ind, %poa);
for my $p (elems($plan, 'poa')) {
	my $P = { id => $p->{attr}{id}, texto => $p->{attr}{titulo} // '', acts => [] };
	push @poas, $P;
	$poa{$P->{id}} = $P;
	my @oes = map { elems($_, 'objetivo-especifico') } elems($p, 'apartado');
	push @oes, elems($p, 'objetivo-especifico');
	# keep document order: apartados and objetivos are never mixed
	for my $oe (@oes) {
		for my $r (elems($oe, 'resultado')) {
			my $R = { node => $r, poa => $P->{id}, acts => [] };
			push @results, $R;
			for my $i (elems($r, 'indicador')) {
				my $I = { node => $i, poa => $P->{id}, acts => [] };
				push @indicators, $I;
				$ind{$i->{attr}{id}} = $I;
				for my $a (elems($i, 'actividad')) {
					my $A = { node => $a, poa => $P->{id},
						  id => $a->{attr}{id},
						  sched => months($a->{attr}{meses} // '', $planpath) };
					push @activities, $A;
					$act{$A->{id}} = $A;
					push @{$_->{acts}}, $A for $I, $R, $P;
				}
			}
		}
	}
}

# ---------------------------------------------------------------- reports

# Every report of every file of the chain, oldest first: the schedule in
# force is the last meses given.
my %prev_avance;    # the anterior file's avance, by activity
for my $k (reverse 0 .. $#chain) {
	my ($path, $r) = @{$chain[$k]};
	my $current = $k == 0;
	my %seen;
	for my $p (elems($r, 'poa')) {
		my $ref = $p->{attr}{ref} // '';
		if (!$poa{$ref}) {
			error($path, "line $p->{line}: poa ref=\"$ref\" names no POA of the plan") if $current;
			next;
		}
		for my $e (elems($p)) {
			my $eref = $e->{attr}{ref};
			if ($e->{name} eq 'indicador') {
				error($path, "line $e->{line}: indicador ref=\"$eref\" names no indicator of $ref")
				    if $current && !($ind{$eref} && $ind{$eref}{poa} eq $ref);
				next;
			}
			if ($e->{name} eq 'riesgo') {
				my $n = $e->{attr}{num};
				error($path, "line $e->{line}: riesgo num=\"$n\" is not in the plan's catalogue")
				    if $current && defined $n && !$riesgo_num{$n};
				next;
			}
			next unless $e->{name} eq 'actividad';
			my $A = $act{$eref};
			if (!$A || $A->{poa} ne $ref) {
				error($path, "line $e->{line}: actividad ref=\"$eref\" names no activity of $ref") if $current;
				next;
			}
			error($path, "line $e->{line}: activity $eref reported twice") if $current && $seen{$eref}++;
			$A->{sched} = months($e->{attr}{meses}, $path) if defined $e->{attr}{meses};
			my $v = $e->{attr}{avance};
			my $est = $e->{attr}{estado};
			if ($k == 1) { $prev_avance{$eref} = $v }
			next unless $current;
			if ($v !~ /^(?:\d+(?:\.\d+)?|\.\d+)$/ || $v > 100) {
				error($path, "line $e->{line}: avance=\"$v\" is not a number from 0 to 100");
				$v = 0;
			}
			my $com = first($e, 'comentario');
			error($path, "line $e->{line}: $eref is finalizada but avance is $v, not 100")
			    if $est eq 'finalizada' && $v != 100;
			error($path, "line $e->{line}: $eref is no-iniciada but avance is $v, not 0")
			    if $est eq 'no-iniciada' && $v != 0;
			error($path, "line $e->{line}: $eref is reprogramada without meses")
			    if $est eq 'reprogramada' && !defined $e->{attr}{meses};
			error($path, "line $e->{line}: $eref is reprogramada without a comentario")
			    if $est eq 'reprogramada' && !($com && plain($com) ne '');
			warning($path, "line $e->{line}: $eref goes backwards: avance $v, was $prev_avance{$eref} in $chain[1][0]")
			    if defined $prev_avance{$eref} && $prev_avance{$eref} =~ /^[\d.]+$/ && $v < $prev_avance{$eref};
			$A->{real} = $v + 0;
			$A->{estado} = $est;
		}
	}
}
exit 1 if $errors;

for my $A (@activities) {
	next if defined $A->{estado};
	warning($file, "activity $A->{id} of $A->{poa} is not reported");
	$A->{real} = 0;
	$A->{estado} = 'sin-reporte';
}

# ---------------------------------------------------------------- figures

sub semaforo {
	my ($c) = @_;
	return 'gris' unless defined $c;
	return $c >= 90 ? 'verde' : $c >= 70 ? 'amarillo' : 'rojo';
}
sub cumpl {
	my ($p, $r) = @_;
	return undef unless defined $p && $p != 0;
	return 100 * $r / $p;
}

for my $A (@activities) {
	my @s = @{$A->{sched}};
	$A->{prog} = @s ? 100 * scalar(grep { $_ <= $m } @s) / scalar(@s) : undef;
}


my $out = "nivel,poa,id,codigo,texto,programado,real,cumplimiento,semaforo,estado\n";
for my $A (@activities) {
	my $n = $A->{node};
	my ($p, $c, $s);
	if ($A->{estado} eq 'cancelada') {
		($p, $c, $s) = (undef, undef, '');
	} else {
		$p = $A->{prog};
		$c = cumpl($p, $A->{real});
		$s = semaforo($c);
	}
	$out .= csv('actividad', $A->{poa}, $A->{id}, $n->{attr}{codigo},
		    plain(first($n, 'texto')), num($p), num($A->{real}), num($c), $s,
		    $A->{estado});
}

sub aggregate {
	my ($acts) = @_;
	my ($sp, $sr, $k) = (0, 0, 0);
	for my $A (@$acts) {
		next if $A->{estado} eq 'cancelada' || !defined $A->{prog};
		$sp += $A->{prog};
		$sr += $A->{real};
		$k++;
	}
	return (undef, undef) unless $k;
	return ($sp / $k, $sr / $k);
}
sub agg_row {
	my ($nivel, $poa, $id, $codigo, $texto, $acts) = @_;
	my ($p, $r) = aggregate($acts);
	my $c = cumpl($p, $r);
	return csv($nivel, $poa, $id, $codigo, $texto, num($p), num($r), num($c), semaforo($c), '');
}
for my $I (@indicators) {
	my $n = $I->{node};
	$out .= agg_row('indicador', $I->{poa}, $n->{attr}{id}, $n->{attr}{codigo},
			plain(first($n, 'texto')), $I->{acts});
}
for my $R (@results) {
	my $n = $R->{node};
	$out .= agg_row('resultado', $R->{poa}, $n->{attr}{id}, $n->{attr}{codigo},
			plain(first($n, 'texto')), $R->{acts});
}
for my $P (@poas) {
	$out .= agg_row('poa', $P->{id}, $P->{id}, '', $P->{texto}, $P->{acts});
}
$out .= agg_row('institucion', '', '', '', $plan->{attr}{institucion} // '', \@activities);
print $out;
