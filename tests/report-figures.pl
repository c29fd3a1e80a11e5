#!/usr/bin/perl
# report-figures.pl — an independent checker of the figures of the yearly
# accountability report (informe de rendición de cuentas).
#
#   perl tests/report-figures.pl RENDICION.xml > figures.csv
#   perl tests/report-figures.pl --estados RENDICION.xml   (counts by estado)
#
# Reads a <rendicion> file (input/rendicion.dtd), the plans and progress
# files its <fuentes> name (archivo="...", relative to the report; a
# progress file's plan="..." and anterior="..." relative to it), computes
# the report's figures with its own code and prints the CSV that
# `plangen RENDICION.xml -f csv` must print, byte for byte:
#
#   tipo,clave,nombre,programado,ejecutado,porcentaje
#
#   area         one per strategic area, in PEI order (see AREAS): clave
#                its id, nombre its name; programado and real (%, one
#                decimal) in programado and ejecutado, cumplimiento in
#                porcentaje;
#   area         clave empty, nombre "Sin área": only if some activity has
#                no area, after the areas;
#   institucion  clave empty, nombre the institucion attribute of the last
#                plan; the same three figures over every activity;
#   rubro        one per <rubro>, in document order: clave empty, nombre
#                the plan line's text (linea) or the nombre attribute;
#                programado and ejecutado with two decimals and no
#                thousands separator (2871450.35); porcentaje =
#                100 * ejecutado / programado, empty when programado is 0;
#   total        clave empty, nombre "Total": the sums of the rubros and
#                100 * sum(ejecutado) / sum(programado) (empty when the sum
#                of programado is 0).
# Without <ejecucion> there are no rubro rows and no total row.  Empty
# fields are what does not apply.  RFC 4180: a field is quoted only when
# it has a comma, a quote or a line break; UTF-8, LF.
#
# THE RULES IMPLEMENTED (for the C implementation to follow):
#
# PERIOD.  P = [desde, hasta], dates YYYY-MM-DD that exist.  Error when
#   hasta < desde, or when hasta >= the same month and day two years after
#   desde (2018-05-01..2020-04-30 is allowed, ..2020-05-01 is not; from
#   Feb 29, "two years after" is Mar 1).  The months of year Y in P:
#   M(Y) = { mo : first(Y) <= mo <= last(Y) }, first(Y) = desde's month
#   if desde is in Y else 1, last(Y) = hasta's month if hasta is in Y
#   else 12 (a month partly in P counts whole).
#
# PLANS.  Every <plan archivo> must exist and be a <plan>; its anio must be
#   a year of P (error otherwise); two plans of the same year: error.  The
#   LAST PLAN is the one of the greatest year (a warning when that is not
#   hasta's year); a year of P without a plan: a warning.
#
# PROGRESS FILES.  Every <avance archivo> must exist and be an <avance>
#   whose plan="..." is one of the plans of <fuentes> (same file); its
#   corte must be a date in its plan's year and fall in P (an error
#   otherwise: a report outside the period does not tell the period's
#   progress), one file per plan (a second: error).  A plan with no
#   progress file: a warning; its activities are all sin-reporte, and its
#   cut-off month is last(Y).  The schedule in force of an activity is the last meses
#   given along the anterior chain of the file used, that file included,
#   else the plan's (as tests/figures.pl; the same errors in the file
#   used).
#
# CUT-OFF MONTH of the plan of year Y: m = the corte month of the file
#   used, and if hasta is in Y, m = min(m, hasta's month).
#
# FIGURES OF AN ACTIVITY of the plan of year Y: S = its schedule in force,
#   S' = S ∩ M(Y);
#     programado = 100 * |{s in S' : s <= m}| / |S'|   (S' empty: n/a)
#     real       = avance of the file used (unreported: 0, sin-reporte)
#   An activity with S' empty is like one without months: it counts in
#   the counts by estado, not in the means.  Aggregates (area,
#   institution) = the mean over their activities of programado and of
#   real, leaving out cancelada ones and those with programado n/a;
#   cumplimiento = 100 * real / programado (n/a when programado is n/a or
#   0).  Every activity of every plan counts in the counts by estado
#   (finalizada, en-curso, reprogramada, no-iniciada, sin-reporte,
#   cancelada), which add up to the activities of the plans.  Shown as C's
#   round(10x)/10, half away from zero, one decimal.
#
# AREAS.  An activity belongs to the area (of its own plan's PEI) of the
#   first objective named by the pei attribute of its
#   <objetivo-especifico>; without pei, to its POA's area attribute; else
#   to no area (a warning per specific objective).  The POA's objetivos
#   attribute is not used.  The areas are matched across plans by id; the
#   rows follow the last plan's PEI order and take its names, then any
#   area only earlier plans have, in their order.  Areas without
#   activities have a row with empty figures.
#
# BUDGET.  A rubro with linea: the line of the last plan's <egresos> whose
#   text (whitespace collapsed) is linea; its nombre is that text and its
#   programado the line's monto, unless the rubro gives programado, which
#   wins (a warning when it differs from the monto).  A linea the last
#   plan lacks: error if the rubro has no programado, else it is used with
#   linea as nombre (a warning).  Without linea, nombre and programado are
#   required (error).  Amounts: 123 or 123.4 or 123.45, not negative.
#   Computed exactly in cents; the percentages rounded exactly, half up.
#
# OTHER CHECKS (errors, with their line): a source file missing or not
#   readable; <logros area> naming an area no plan's PEI has; <mensaje
#   firmante> naming no firmante of the report nor of the last plan; a
#   photo or picture (foto, figura, firma, sello) missing or not PNG/JPEG;
#   fecha, audiencia fecha not dates; aporte monto not an amount;
#   acceso-informacion recibidas/atendidas not whole numbers, or
#   atendidas > recibidas; audiencia asistentes not a whole number.
#   Warnings: two <logros> for one area; an area of the PEI without
#   <logros> (only when the report has some <logros>).
# Errors go to stderr as "FILE: error: ..." (exit 1, no CSV); warnings as
# "FILE: warning: ...".
#
# Core Perl only.  The XML reader is a small tokenizer (as in
# tests/figures.pl), enough for these well-formed files.
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
binmode STDERR;
my $estados = 0;
if (@ARGV && $ARGV[0] eq '--estados') { $estados = 1; shift }
my $file = shift or die "usage: perl tests/report-figures.pl [--estados] RENDICION.xml\n";
my $errors = 0;
sub error { my ($f, $m) = @_; print STDERR "$f: error: $m\n"; $errors++ }
sub warning { my ($f, $m) = @_; print STDERR "$f: warning: $m\n" }

# ---------------------------------------------------------------- XML


# A node: { name, attr => {..}, kids => [ node | \"text" ], line }.

sub descendants {
	my ($n, $name) = @_;
	my @out;
	for my $k (elems($n)) {
		push @out, $k if $k->{name} eq $name;
		push @out, descendants($k, $name);
	}
	return @out;
}


# ---------------------------------------------------------------- values

sub leap { my ($y) = @_; ($y % 4 == 0 && $y % 100 != 0) || $y % 400 == 0 }
sub mdays { my ($y, $m) = @_; (31, leap($y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[$m - 1] }
# "YYYY-MM-DD" that exists: [y, m, d], else undef.
sub date {
	my ($s) = @_;
	return undef unless defined $s && $s =~ /^(\d{4})-(\d{2})-(\d{2})$/;
	my ($y, $m, $d) = ($1 + 0, $2 + 0, $3 + 0);
	return undef if $m < 1 || $m > 12 || $d < 1 || $d > mdays($y, $m);
	return [$y, $m, $d];
}
sub dkey { my ($d) = @_; sprintf '%04d%02d%02d', @$d }
# An amount in cents, or undef.
sub cents {
	my ($s) = @_;
	return undef unless defined $s && $s =~ /^(\d+)(?:\.(\d{1,2}))?$/;
	my $f = defined $2 ? $2 : '';
	$f .= '0' x (2 - length $f);
	return $1 * 100 + $f;
}
sub money { my ($c) = @_; sprintf '%d.%02d', int($c / 100), $c % 100 }


# PNG or JPEG by its first bytes.
sub image_ok {
	my ($path) = @_;
	open my $fh, '<:raw', $path or return 'cannot be read';
	my $n = read $fh, my $b, 8;
	close $fh;
	return undef if defined $n && $n >= 8 && $b eq "\x89PNG\r\n\x1a\n";
	return undef if defined $n && $n >= 3 && substr($b, 0, 3) eq "\xFF\xD8\xFF";
	return 'is not a PNG or JPEG image';
}

sub rel { my ($base, $p) = @_; File::Spec->catfile(dirname($base), $p) }
sub same_file {
	my ($a, $b) = @_;
	my @a = stat $a;
	my @b = stat $b;
	return @a && @b && $a[0] == $b[0] && $a[1] == $b[1];
}

# ---------------------------------------------------------------- the report

my $R = parse_xml($file) or die "$file: cannot read: $!\n";
die "$file: the root is <$R->{name}>, not <rendicion>\n" if $R->{name} ne 'rendicion';

my $desde = date($R->{attr}{desde});
my $hasta = date($R->{attr}{hasta});
error($file, "line $R->{line}: desde=\"" . ($R->{attr}{desde} // '') . "\" is not a date YYYY-MM-DD") unless $desde;
error($file, "line $R->{line}: hasta=\"" . ($R->{attr}{hasta} // '') . "\" is not a date YYYY-MM-DD") unless $hasta;
if (defined $R->{attr}{fecha} && !date($R->{attr}{fecha})) {
	error($file, "line $R->{line}: fecha=\"$R->{attr}{fecha}\" is not a date YYYY-MM-DD");
}
if ($desde && $hasta) {
	if (dkey($hasta) lt dkey($desde)) {
		error($file, "line $R->{line}: the period ends ($R->{attr}{hasta}) before it starts ($R->{attr}{desde})");
	} else {
		# two years after desde: same month and day (Feb 29 -> Mar 1)
		my ($y, $m, $d) = ($desde->[0] + 2, $desde->[1], $desde->[2]);
		($m, $d) = (3, 1) if $d > mdays($y, $m);
		error($file, "line $R->{line}: the period $R->{attr}{desde} to $R->{attr}{hasta} is longer than two years")
		    if dkey($hasta) ge dkey([$y, $m, $d]);
	}
}
exit 1 if $errors;
my ($y0, $y1) = ($desde->[0], $hasta->[0]);
sub first_month { my ($y) = @_; $y == $y0 ? $desde->[1] : 1 }
sub last_month { my ($y) = @_; $y == $y1 ? $hasta->[1] : 12 }

# Every picture of the report.
for my $tag (qw(foto figura)) {
	for my $n (descendants($R, $tag)) {
		my $a = $n->{attr}{archivo} // '';
		my $why = image_ok(rel($file, $a));
		error($file, "line $n->{line}: <$tag archivo=\"$a\">: the file $why") if $why;
	}
}
for my $n (descendants($R, 'firmante')) {
	for my $k (qw(firma sello)) {
		next unless defined $n->{attr}{$k};
		my $why = image_ok(rel($file, $n->{attr}{$k}));
		error($file, "line $n->{line}: $k=\"$n->{attr}{$k}\": the file $why") if $why;
	}
}

# ---------------------------------------------------------------- sources

my $fuentes = first($R, 'fuentes');
my (@plans, %plan_of_year, @failed);
for my $pn (elems($fuentes, 'plan')) {
	my $a = $pn->{attr}{archivo} // '';
	my $path = rel($file, $a);
	push @failed, $a;    # until it is known good
	if (!-r $path) {
		error($file, "line $pn->{line}: <plan archivo=\"$a\">: the file does not exist or cannot be read");
		next;
	}
	my $root = parse_xml($path);
	if ($root->{name} ne 'plan') {
		error($file, "line $pn->{line}: $a is a <$root->{name}>, not a <plan>");
		next;
	}
	my $y = $root->{attr}{anio} // '';
	if ($y !~ /^\d{4}$/ || $y < $y0 || $y > $y1) {
		error($file, "line $pn->{line}: $a is the plan of $y, not of a year of the period $R->{attr}{desde} to $R->{attr}{hasta}");
		next;
	}
	if ($plan_of_year{$y}) {
		error($file, "line $pn->{line}: $a is a second plan of $y (the first is $plan_of_year{$y}{archivo})");
		next;
	}
	my $P = { archivo => $a, path => $path, root => $root, year => $y + 0, files => [] };
	pop @failed;
	push @plans, $P;
	$plan_of_year{$y} = $P;
}
for my $an (elems($fuentes, 'avance')) {
	my $a = $an->{attr}{archivo} // '';
	my $path = rel($file, $a);
	if (!-r $path) {
		error($file, "line $an->{line}: <avance archivo=\"$a\">: the file does not exist or cannot be read");
		next;
	}
	my $root = parse_xml($path);
	if ($root->{name} ne 'avance') {
		error($file, "line $an->{line}: $a is a <$root->{name}>, not an <avance>");
		next;
	}
	my $pp = rel($path, $root->{attr}{plan} // '');
	my ($P) = grep { same_file($_->{path}, $pp) } @plans;
	next if !$P && grep { rel($file, $_) eq $pp || same_file(rel($file, $_), $pp) } @failed;
	if (!$P) {
		error($file, "line $an->{line}: $a is on the plan $root->{attr}{plan}, which <fuentes> does not name");
		next;
	}
	my $c = date($root->{attr}{corte});
	if (!$c || $c->[0] != $P->{year}) {
		error($path, "corte=\"" . ($root->{attr}{corte} // '') . "\" is not a date YYYY-MM-DD in the plan's year $P->{year}");
		next;
	}
	for my $o (@{$P->{files}}) {
		error($file, "line $an->{line}: $a and $o->{archivo} both have corte $root->{attr}{corte}")
		    if dkey($o->{corte}) eq dkey($c);
	}
	push @{$P->{files}}, { archivo => $a, path => $path, root => $root, corte => $c };
}
exit 1 if $errors;
@plans = sort { $a->{year} <=> $b->{year} } @plans;
my $last = $plans[-1];
warning($file, "the period ends in $y1 but its last plan is of $last->{year}") if $last->{year} != $y1;
for my $y ($y0 .. $y1) {
	warning($file, "no plan of $y, a year of the period") unless $plan_of_year{$y};
}

# Choose the progress file of each plan.
for my $P (@plans) {
	my @f = sort { dkey($a->{corte}) cmp dkey($b->{corte}) } @{$P->{files}};
	my @in = grep { dkey($_->{corte}) ge dkey($desde) && dkey($_->{corte}) le dkey($hasta) } @f;
	for my $F (grep { dkey($_->{corte}) lt dkey($desde) || dkey($_->{corte}) gt dkey($hasta) } @f) {
		error($file, "$F->{archivo}: its corte $F->{root}{attr}{corte} is outside the period");
	}
	error($file, "$P->{archivo}: a second progress report of the plan") if @in > 1;
	my $use = $in[-1];
	$P->{use} = $use;
	if ($use) {
		$P->{m} = $use->{corte}[1];
		$P->{m} = $hasta->[1] if $P->{year} == $y1 && $hasta->[1] < $P->{m};
	} else {
		warning($file, "$P->{archivo}: no progress file of the period: its activities are sin-reporte");
		$P->{m} = last_month($P->{year});
	}
}

# ---------------------------------------------------------------- plans

for my $P (@plans) {
	my $plan = $P->{root};
	my (%obj_area, @areas);
	for my $pei (elems($plan, 'pei')) {
		for my $a (elems($pei, 'area')) {
			push @areas, { id => $a->{attr}{id}, nombre => $a->{attr}{nombre} // '' };
			$obj_area{$_->{attr}{id}} = $a->{attr}{id} for elems($a, 'objetivo');
		}
	}
	$P->{areas} = \@areas;
	my (@acts, %act, %poa, %ind);
	for my $p (elems($plan, 'poa')) {
		my $pid = $p->{attr}{id};
		$poa{$pid} = 1;
		my @oes;
		for my $k (elems($p)) {
			push @oes, $k if $k->{name} eq 'objetivo-especifico';
			push @oes, elems($k, 'objetivo-especifico') if $k->{name} eq 'apartado';
		}
		for my $oe (@oes) {
			my ($first_obj) = grep { length } split /\s+/, $oe->{attr}{pei} // '';
			my $area;
			if (defined $first_obj) {
				$area = $obj_area{$first_obj};
				error($P->{path}, "line $oe->{line}: pei=\"$oe->{attr}{pei}\": $first_obj is no objective of the PEI")
				    unless defined $area;
			} elsif (defined $p->{attr}{area}) {
				$area = $p->{attr}{area};
			}
			my $n = 0;
			for my $r (elems($oe, 'resultado')) {
				for my $i (elems($r, 'indicador')) {
					$ind{$i->{attr}{id}} = $pid;
					for my $a (elems($i, 'actividad')) {
						my $A = { id => $a->{attr}{id}, poa => $pid, area => $area,
							  sched => months($a->{attr}{meses} // '', $P->{path}) };
						push @acts, $A;
						$act{$A->{id}} = $A;
						$n++;
					}
				}
			}
			warning($P->{path}, "line $oe->{line}: the specific objective "
				. (defined $oe->{attr}{num} ? "$oe->{attr}{num} " : '')
				. "of $pid names no PEI objective and its POA no area: its $n activities have no area")
			    if !defined $area && $n;
		}
	}
	$P->{acts} = \@acts;

	# The progress chain of the file used: schedule in force, avance, estado.
	if ($P->{use}) {
		my @chain;
		my %seen;
		my $p = $P->{use}{path};
		while (defined $p) {
			my $abs = File::Spec->rel2abs($p);
			if ($seen{$abs}++) { error($P->{use}{path}, "the anterior chain loops at $p"); last }
			my $r = parse_xml($p);
			if (!$r) { error($P->{use}{path}, "anterior file $p cannot be read"); last }
			if ($r->{name} ne 'avance') { error($p, "the root is <$r->{name}>, not <avance>"); last }
			push @chain, [$p, $r];
			my $ant = $r->{attr}{anterior};
			$p = defined $ant ? rel($p, $ant) : undef;
		}
		for my $k (reverse 0 .. $#chain) {
			my ($path, $r) = @{$chain[$k]};
			my $current = $k == 0;
			my %rep;
			for my $pe (elems($r, 'poa')) {
				my $ref = $pe->{attr}{ref} // '';
				if (!$poa{$ref}) {
					error($path, "line $pe->{line}: poa ref=\"$ref\" names no POA of the plan") if $current;
					next;
				}
				for my $e (elems($pe)) {
					my $eref = $e->{attr}{ref} // '';
					if ($e->{name} eq 'indicador') {
						error($path, "line $e->{line}: indicador ref=\"$eref\" names no indicator of $ref")
						    if $current && !(defined $ind{$eref} && $ind{$eref} eq $ref);
						next;
					}
					next unless $e->{name} eq 'actividad';
					my $A = $act{$eref};
					if (!$A || $A->{poa} ne $ref) {
						error($path, "line $e->{line}: actividad ref=\"$eref\" names no activity of $ref") if $current;
						next;
					}
					error($path, "line $e->{line}: activity $eref reported twice") if $current && $rep{$eref}++;
					$A->{sched} = months($e->{attr}{meses}, $path) if defined $e->{attr}{meses};
					next unless $current;
					my $v = $e->{attr}{avance} // '';
					my $est = $e->{attr}{estado} // '';
					if ($v !~ /^(?:\d+(?:\.\d+)?|\.\d+)$/ || $v > 100) {
						error($path, "line $e->{line}: avance=\"$v\" is not a number from 0 to 100");
						$v = 0;
					}
					error($path, "line $e->{line}: $eref is finalizada but avance is $v, not 100")
					    if $est eq 'finalizada' && $v != 100;
					error($path, "line $e->{line}: $eref is no-iniciada but avance is $v, not 0")
					    if $est eq 'no-iniciada' && $v != 0;
					$A->{real} = $v + 0;
					$A->{estado} = $est;
				}
			}
		}
	}
	for my $A (@acts) {
		next if defined $A->{estado};
		warning($P->{use} ? $P->{use}{path} : $P->{path}, "activity $A->{id} of $A->{poa} is not reported")
		    if $P->{use};
		$A->{real} = 0;
		$A->{estado} = 'sin-reporte';
	}
	# programado over the months of the plan's year in the period
	my ($f, $l, $m) = (first_month($P->{year}), last_month($P->{year}), $P->{m});
	for my $A (@acts) {
		my @s = grep { $_ >= $f && $_ <= $l } @{$A->{sched}};
		$A->{prog} = @s ? 100 * scalar(grep { $_ <= $m } @s) / scalar(@s) : undef;
	}
}
exit 1 if $errors;

# The areas: the last plan's PEI order, then those only earlier plans have.
my @areas = map { { %$_ } } @{$last->{areas}};
my %area = map { $_->{id} => $_ } @areas;
for my $P (@plans[0 .. $#plans - 1]) {
	for my $a (@{$P->{areas}}) {
		next if $area{$a->{id}};
		push @areas, { %$a };
		$area{$a->{id}} = $areas[-1];
	}
}

# ---------------------------------------------------------------- checks of the narrative

my %firmante;
$firmante{$_->{attr}{id}} = 1 for map { elems($_, 'firmante') } elems($R, 'firmantes');
$firmante{$_->{attr}{id}} = 1 for map { elems($_, 'firmante') } elems($last->{root}, 'firmantes');
for my $m (elems($R, 'mensaje')) {
	my $f = $m->{attr}{firmante};
	error($file, "line $m->{line}: <mensaje firmante=\"$f\">: no firmante of the report or of $last->{archivo} has that id")
	    if defined $f && !$firmante{$f};
}
my %logros;
for my $l (elems($R, 'logros')) {
	my $id = $l->{attr}{area} // '';
	if (!$area{$id}) {
		error($file, "line $l->{line}: <logros area=\"$id\">: no strategic area of the PEI has that id");
		next;
	}
	warning($file, "line $l->{line}: a second <logros> for the area $id") if $logros{$id}++;
}
if (%logros) {
	for my $a (@areas) {
		warning($file, "the area $a->{id} ($a->{nombre}) has no <logros>") unless $logros{$a->{id}};
	}
}
for my $a (map { elems($_, 'aporte') } elems($R, 'cooperacion')) {
	error($file, "line $a->{line}: aporte monto=\"$a->{attr}{monto}\" is not an amount like 1234567.89")
	    unless defined cents($a->{attr}{monto});
}
for my $ai (elems($R, 'acceso-informacion')) {
	my ($r, $t) = ($ai->{attr}{recibidas} // '', $ai->{attr}{atendidas} // '');
	error($file, "line $ai->{line}: recibidas=\"$r\" is not a whole number") unless $r =~ /^\d+$/;
	error($file, "line $ai->{line}: atendidas=\"$t\" is not a whole number") unless $t =~ /^\d+$/;
	error($file, "line $ai->{line}: atendidas ($t) is more than recibidas ($r)")
	    if $r =~ /^\d+$/ && $t =~ /^\d+$/ && $t > $r;
}
for my $au (elems($R, 'audiencia')) {
	error($file, "line $au->{line}: audiencia fecha=\"$au->{attr}{fecha}\" is not a date YYYY-MM-DD")
	    unless date($au->{attr}{fecha});
	error($file, "line $au->{line}: asistentes=\"$au->{attr}{asistentes}\" is not a whole number")
	    unless ($au->{attr}{asistentes} // '') =~ /^\d+$/;
}

# ---------------------------------------------------------------- budget

my %egreso;    # text -> cents, of the last plan
for my $l (map { elems($_, 'linea') } map { elems($_, 'egresos') } elems($last->{root}, 'presupuesto')) {
	$egreso{plain($l)} = cents($l->{attr}{monto});
}
my @rubros;
my $ejecucion = first($R, 'ejecucion');
for my $r ($ejecucion ? elems($ejecucion, 'rubro') : ()) {
	my ($linea, $nombre, $prog, $ej) = @{$r->{attr}}{qw(linea nombre programado ejecutado)};
	my $where = "line $r->{line}";
	my ($pc, $ec) = (undef, cents($ej));
	error($file, "$where: ejecutado=\"" . ($ej // '') . "\" is not an amount like 1234567.89") unless defined $ec;
	if (defined $prog) {
		$pc = cents($prog);
		error($file, "$where: programado=\"$prog\" is not an amount like 1234567.89") unless defined $pc;
	}
	my $name;
	if (defined $linea) {
		my $t = collapse($linea);
		$name = $t;
		if (defined $egreso{$t}) {
			if (defined $pc && $pc != $egreso{$t}) {
				warning($file, "$where: programado=\"$prog\" is not the plan's monto " . money($egreso{$t})
					. " for \"$t\": the rubro's is used");
			}
			$pc //= $egreso{$t};
		} elsif (defined $prog) {
			warning($file, "$where: linea=\"$linea\" is no <egresos> line of $last->{archivo}: its programado is the rubro's");
		} else {
			error($file, "$where: linea=\"$linea\" is no <egresos> line of $last->{archivo}, and the rubro has no programado");
		}
	} else {
		if (!defined $nombre || collapse($nombre) eq '') {
			error($file, "$where: a rubro without linea needs nombre");
		} else {
			$name = collapse($nombre);
		}
		error($file, "$where: a rubro without linea needs programado") unless defined $prog;
	}
	push @rubros, { nombre => $name, prog => $pc, ej => $ec };
}
exit 1 if $errors;

# ---------------------------------------------------------------- figures

# 100 * e / p with one decimal, exactly, half up (e, p whole cents, p > 0).
sub pct_exact {
	my ($e, $p) = @_;
	my $q = int((2000 * $e + $p) / (2 * $p));    # round(1000 e / p)
	return sprintf '%d.%d', int($q / 10), $q % 10;
}
my @states = qw(finalizada en-curso reprogramada no-iniciada sin-reporte cancelada);
sub aggregate {
	my ($acts) = @_;
	my ($sp, $sr, $k) = (0, 0, 0);
	my %by;
	for my $A (@$acts) {
		$by{$A->{estado}}++;
		next if $A->{estado} eq 'cancelada' || !defined $A->{prog};
		$sp += $A->{prog};
		$sr += $A->{real};
		$k++;
	}
	my ($p, $r) = $k ? ($sp / $k, $sr / $k) : (undef, undef);
	my $c = defined $p && $p != 0 ? 100 * $r / $p : undef;
	return { p => $p, r => $r, c => $c, by => \%by, n => scalar @$acts };
}

my @all = map { @{$_->{acts}} } @plans;
my @rows;    # [tipo, clave, nombre, figures]
for my $a (@areas) {
	push @rows, ['area', $a->{id}, $a->{nombre}, aggregate([grep { defined $_->{area} && $_->{area} eq $a->{id} } @all])];
}
my @none = grep { !defined $_->{area} } @all;
push @rows, ['area', '', 'Sin área', aggregate(\@none)] if @none;
push @rows, ['institucion', '', $last->{root}{attr}{institucion} // '', aggregate(\@all)];

if ($estados) {
	print csv('tipo', 'clave', 'nombre', @states, 'total');
	for my $row (@rows) {
		my ($t, $k, $n, $F) = @$row;
		print csv($t, $k, $n, (map { $F->{by}{$_} // 0 } @states), $F->{n});
	}
	exit 0;
}

my $out = "tipo,clave,nombre,programado,ejecutado,porcentaje\n";
for my $row (@rows) {
	my ($t, $k, $n, $F) = @$row;
	$out .= csv($t, $k, $n, num($F->{p}), num($F->{r}), num($F->{c}));
}
if ($ejecucion) {
	my ($sp, $se) = (0, 0);
	for my $r (@rubros) {
		$out .= csv('rubro', '', $r->{nombre}, money($r->{prog}), money($r->{ej}),
			    $r->{prog} ? pct_exact($r->{ej}, $r->{prog}) : '');
		$sp += $r->{prog};
		$se += $r->{ej};
	}
	$out .= csv('total', '', 'Total', money($sp), money($se), $sp ? pct_exact($se, $sp) : '');
}
print $out;
