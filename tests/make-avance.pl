#!/usr/bin/perl
# make-avance.pl — writes the example progress files of the 2019 plan:
#
#   perl tests/make-avance.pl            (from the repository's root)
#
# reads input/plan-2019.xml and writes input/avance-2019-T1.xml ... -T4.xml,
# the four quarterly progress reports (<avance>, input/avance.dtd) on its
# ten POAs, chained by anterior.  The data are INVENTED but plausible: each
# activity gets a pace (on time, slow, ahead) and its progress follows its
# schedule at that pace, quarter after quarter, never going backwards except
# in one deliberate correction in T3.  A few activities are not reported in
# T1 and T2, some are reprogrammed (new meses and a comentario), two are
# cancelled, indicators get a logro, a few risks materialise.
#
# Deterministic: srand(2019), and rand is called in a fixed order, so the
# files are the same on every run (Perl >= 5.20 has its own drand48 on
# every platform).  Run it again after editing it, never edit its output
# by hand.  Reads the plan with regexes: plan-2019.xml is regular (one
# start tag per line, <texto> on one line).
use strict;
use warnings;
use File::Basename qw(dirname);

use File::Spec;
my $root = dirname(dirname(File::Spec->rel2abs(__FILE__)));
my $in = "$root/input/plan-2019.xml";

srand(2019);

# ---------------------------------------------------------------- the plan

my (@poas, %poa, @acts, %ind, @inds, @risknums);
{
	open my $fh, '<:raw', $in or die "$in: $!\n";
	my ($P, $I, $A, $want);    # current POA, indicator, activity; texto owner
	while (my $l = <$fh>) {
		if ($l =~ /<riesgo-institucional num="(\d+)"/) {
			push @risknums, $1;
		} elsif ($l =~ /<poa id="([^"]+)"[^>]*titulo="([^"]*)"/) {
			$P = { id => $1, titulo => $2, acts => [], inds => [] };
			push @poas, $P;
			$poa{$1} = $P;
			$I = $A = $want = undef;
		} elsif ($P && $l =~ /<indicador id="([^"]+)"/) {
			$I = { id => $1, poa => $P, acts => [] };
			push @inds, $I;
			push @{$P->{inds}}, $I;
			$ind{$1} = $I;
			$want = $I;
		} elsif ($P && $l =~ /<actividad id="([^"]+)"(.*?)>/) {
			my ($id, $rest) = ($1, $2);
			my ($m) = $rest =~ /meses="([^"]*)"/;
			$A = { id => $id, poa => $P, ind => $I,
			       plan => months($m // '') };
			push @acts, $A;
			push @{$P->{acts}}, $A;
			push @{$I->{acts}}, $A;
			$want = $A;
		} elsif ($want && $l =~ /<texto>(.*)<\/texto>/) {
			$want->{texto} = $1;
			$want = undef;
		}
	}
}
die "$in: expected 10 POAs and 214 activities, found "
    . scalar(@poas) . " and " . scalar(@acts) . "\n"
    unless @poas == 10 && @acts == 214;

sub months {
	my ($v) = @_;
	my %m;
	for my $t (grep { length } split /[ ,]+/, $v) {
		my ($a, $b) = $t =~ /^(\d+)(?:-(\d+))?$/ or die "meses=\"$v\"?\n";
		$m{$_} = 1 for $a .. ($b // $a);
	}
	return [sort { $a <=> $b } keys %m];
}
sub meses_str {
	my @m = @{$_[0]};
	my @out;
	while (@m) {
		my $a = shift @m;
		my $b = $a;
		$b = shift @m while @m && $m[0] == $b + 1;
		push @out, $a == $b ? $a : "$a-$b";
	}
	return join ' ', @out;
}
sub prog {    # fraction of the schedule up to month m
	my ($s, $m) = @_;
	return undef unless @$s;
	return scalar(grep { $_ <= $m } @$s) / @$s;
}

# ---------------------------------------------------------------- words

my @MES = qw(x enero febrero marzo abril mayo junio julio agosto septiembre
	     octubre noviembre diciembre);
my @TRIM = ('', 'primer', 'segundo', 'tercer', 'cuarto');
my %CORTE = (1 => '2019-03-31', 2 => '2019-06-30', 3 => '2019-09-30', 4 => '2019-12-31');
my %FECHA = (1 => '2019-04-10', 2 => '2019-07-10', 3 => '2019-10-10', 4 => '2020-01-15');
my %CORTE_TXT = (1 => '31 de marzo', 2 => '30 de junio', 3 => '30 de septiembre',
		 4 => '31 de diciembre');

sub uni { my ($a, $b) = @_; $a + rand() * ($b - $a) }
sub pick { my ($l) = @_; $l->[int rand @$l] }
my %used;
sub pick_once {    # each item once, then again from the start
	my ($l) = @_;
	my @left = grep { !$used{$l}{$_} } @$l;
	if (!@left) { $used{$l} = {}; @left = @$l }
	my $x = $left[int rand @left];
	$used{$l}{$x} = 1;
	return $x;
}

my @CAUSA_ATRASO = (
	'la demora en la contratación del servicio de apoyo',
	'la carga extraordinaria de trámites del período',
	'la entrega tardía de información por parte de las municipalidades',
	'la incapacidad médica de personal clave del equipo',
	'la espera de la aprobación de la Dirección Ejecutiva',
	'la espera del desembolso del cooperante',
	'la atención de requerimientos urgentes del COAMSS',
);
my @NORMAL = (
	'Se ejecuta según lo programado.',
	'Avance conforme al cronograma; los productos parciales se entregaron a la jefatura.',
	'Se mantiene el ritmo previsto para el período.',
	'Se atendieron todos los requerimientos recibidos en el trimestre.',
);
my @ADELANTO = (
	'Se adelantó parte del trabajo previsto para el trimestre siguiente.',
	'Avance mayor al programado gracias al apoyo de personal de otras unidades.',
);
my @FINAL = (
	'Concluida dentro del plazo; el producto está archivado en la unidad.',
	'Finalizada; producto entregado y aprobado por la jefatura.',
	'Se completó según lo previsto.',
	'Concluida; los medios de verificación están disponibles para la auditoría interna.',
);
my @CAUSA_REPROG = (
	'el proceso de contratación de la consultoría se declaró desierto y debió repetirse',
	'el cooperante aplazó el desembolso de los fondos',
	'la Dirección Ejecutiva priorizó otros procesos en el trimestre',
	'se esperan las observaciones del COAMSS al documento base',
	'la información de las municipalidades se recibió con retraso',
	'la reforma de la normativa cambió los requisitos del producto',
	'el equipo responsable se dedicó a la atención de la emergencia por lluvias',
);
my @CAUSA_CANCEL = (
	'el COAMSS acordó no continuar con esta iniciativa en 2019 y trasladarla al Plan de Acción 2020',
	'la actividad pasó a ejecutarse con fondos del cooperante, fuera del POA',
);
my @PENDIENTE = (
	'Queda pendiente para el primer trimestre de 2020.',
	'Se concluirá en enero de 2020; se incluirá en el POA 2020.',
	'No se completó por %s; el saldo pasa al POA 2020.',
	'Avance parcial por %s; se cierra en el primer trimestre de 2020.',
	'Falta la revisión final de la jefatura; se dará por concluida en enero.',
);

# ---------------------------------------------------------------- roles

# Pace of every activity: on time (most), slow, ahead; each unit has its
# own pace too, so that the POAs differ (UACI and SDSE behind; SPI, SIM and
# UAIP on time or ahead).
my %BIAS = ('poa-sdcu' => 0.93, 'poa-spi' => 1.00, 'poa-sdse' => 0.80,
	    'poa-ugemae' => 0.88, 'poa-ufia' => 0.95, 'poa-uaci' => 0.74,
	    'poa-sim' => 1.00, 'poa-uaip' => 1.03, 'poa-uth' => 0.92,
	    'poa-uj' => 0.90);
for my $A (@acts) {
	my $r = rand;
	if ($r < 0.70) { $A->{pace} = 'normal'; $A->{f} = uni(0.90, 1.06) }
	elsif ($r < 0.90) { $A->{pace} = 'lento'; $A->{f} = uni(0.50, 0.82) }
	else { $A->{pace} = 'adelantado'; $A->{f} = uni(1.08, 1.35) }
	$A->{f} *= $BIAS{$A->{poa}{id}} // 1;
}

my %taken;
sub choose {    # n activities satisfying the test, none taken before
	my ($n, $test) = @_;
	my @c = grep { !$taken{$_->{id}} && $test->($_) } @acts;
	my @got;
	while (@got < $n && @c) {
		my $A = splice @c, int(rand @c), 1;
		push @got, $A;
		$taken{$A->{id}} = 1;
	}
	return @got;
}
sub first_m { $_[0]{plan}[0] // 0 }
sub last_m { $_[0]{plan}[-1] // 0 }

# Reprogrammed: in T1 three short tasks of the first half; in T2 three,
# two of them unstarted yearly ones; in T3 two.
my %reprog;    # id -> quarter
$reprog{$_->{id}} = 1 for choose(3, sub { first_m($_[0]) <= 3 && last_m($_[0]) >= 3 && last_m($_[0]) <= 7 });
$reprog{$_->{id}} = 2 for choose(1, sub { first_m($_[0]) <= 4 && last_m($_[0]) >= 6 && last_m($_[0]) <= 10 });
$reprog{$_->{id}} = 2 for choose(2, sub { @{$_[0]{plan}} == 12 && $_[0]{pace} eq 'lento' });
$reprog{$_->{id}} = 3 for choose(2, sub { first_m($_[0]) <= 7 && last_m($_[0]) >= 9 && last_m($_[0]) <= 11 });
# Cancelled: two slow yearly activities, in T2 and in T3.
my %cancel;
my @c = choose(2, sub { @{$_[0]{plan}} == 12 && $_[0]{pace} eq 'lento' });
$cancel{$c[0]{id}} = 2;
$cancel{$c[1]{id}} = 3;
# Not reported: five in T1, four in T2.
my %unrep;
$unrep{1}{$_->{id}} = 1 for choose(5, sub { 1 });
$unrep{2}{$_->{id}} = 1 for choose(4, sub { 1 });
# The deliberate correction in T3 (progress goes backwards).
my ($back) = choose(1, sub { @{$_[0]{plan}} == 12 && $_[0]{pace} eq 'normal' });
# A schedule extended in T2 without reprogramming (meses with en-curso).
my ($extend) = choose(1, sub { last_m($_[0]) >= 6 && last_m($_[0]) <= 10 && first_m($_[0]) <= 3 });

# ---------------------------------------------------------------- simulation

sub round5 { my ($x) = @_; 5 * int($x / 5 + 0.5) }

my %rep;    # $rep{q}{id} = { avance, estado, meses?, comentario? }
for my $A (@acts) {
	my $sched = $A->{plan};
	my $prev = 0;
	my $done;    # finalizada or cancelada: stays
	for my $q (1 .. 4) {
		my $m = 3 * $q;
		my %r;
		my $f = $A->{f} + uni(-0.05, 0.05);
		$f *= 0.88 if $q == 1;    # a slow start of the year
		if ($done) {
			%r = %$done;
			delete $r{meses};
			$r{comentario} = $r{estado} eq 'cancelada'
			    ? "Cancelada en el $TRIM[$done->{q}] trimestre."
			    : undef;
			delete $r{q};
		} elsif (($cancel{$A->{id}} // 0) == $q) {
			%r = (avance => $prev, estado => 'cancelada',
			      comentario => 'Se cancela: ' . pick_once(\@CAUSA_CANCEL) . '.');
			$done = { %r, q => $q };
		} elsif (($reprog{$A->{id}} // 0) == $q) {
			# late: little done on the old schedule; new months
			my $p = prog($sched, $m);
			my $av = round5(100 * $p * uni(0.25, 0.55));
			$av = $prev if $av < $prev;
			$av = 95 if $av > 95;
			my ($s, $e) = ($sched->[0], $sched->[-1]);
			my $ns = $av > 0 ? $s : ($s > $m + 1 ? $s : $m + 1);
			my $ne = $e + 2 + int rand 2;
			$ne = 12 if $ne > 12;
			$ns = $ne if $ns > $ne;
			my $new = [$ns .. $ne];
			if (meses_str($new) eq meses_str($sched)) {
				$new = [($m + 1 > 12 ? 12 : $m + 1) .. 12];
			}
			$sched = $new;
			my $a = $MES[$new->[0]];
			my $b = $MES[$new->[-1]];
			my $periodo = $a eq $b ? "en $a" : "de $a a $b";
			%r = (avance => $av, estado => 'reprogramada',
			      meses => meses_str($new),
			      comentario => "Se reprograma para ejecutarse $periodo porque " .
				  pick_once(\@CAUSA_REPROG) . '.');
			$A->{f} = uni(0.92, 1.04);    # on time on the new schedule
		} else {
			my $p = prog($sched, $m);
			my $av;
			if ($p == 0) {
				$av = ($A->{pace} eq 'adelantado' && rand() < 0.3) ? 10 : 0;
			} elsif ($p == 1) {
				$av = $f >= 0.90 ? 100 : round5(100 * $f);
			} else {
				$av = round5(100 * $p * $f);
				$av = 95 if $av > 95 && !($A->{pace} eq 'adelantado' && $p >= 0.75);
				$av = 100 if $av > 100;
			}
			$av = $prev if $av < $prev;
			my $est = $av == 100 ? 'finalizada' : $av == 0 ? 'no-iniciada' : 'en-curso';
			%r = (avance => $av, estado => $est);
			my $late = defined $p && $p > 0 && $av < 70 * $p;
			if ($est eq 'no-iniciada' && $p > 0) {
				$r{comentario} = 'No se ha iniciado por ' . pick(\@CAUSA_ATRASO) . '.';
			} elsif ($est eq 'no-iniciada') {
				$r{comentario} = "Programada para iniciar en $MES[$sched->[0]]."
				    if rand() < 0.3;
			} elsif ($est eq 'finalizada') {
				$r{comentario} = pick(\@FINAL) if rand() < 0.3;
				$done = { %r, q => $q };
			} elsif ($q == 4) {
				my $t = pick(\@PENDIENTE);
				$r{comentario} = $t =~ /%s/ ? sprintf($t, pick(\@CAUSA_ATRASO)) : $t;
			} elsif ($late && rand() < 0.7) {
				$r{comentario} = 'Atraso por ' . pick(\@CAUSA_ATRASO) .
				    "; se prevé recuperarlo en el $TRIM[$q + 1] trimestre.";
			} elsif ($A->{pace} eq 'adelantado' && rand() < 0.4) {
				$r{comentario} = pick(\@ADELANTO);
			} elsif (rand() < 0.12) {
				$r{comentario} = pick(\@NORMAL);
			}
			if ($A == $extend && $q == 2 && $est eq 'en-curso') {
				my $ne = $sched->[-1] + 2;
				$sched = [$sched->[0] .. $ne];
				$r{meses} = meses_str($sched);
				$r{comentario} = "Se amplía el plazo hasta $MES[$ne] para incluir " .
				    'las observaciones de la auditoría interna.';
			}
		}
		$r{prog} = prog($sched, $m);
		$prev = $r{avance};
		$rep{$q}{$A->{id}} = \%r;
	}
}

# The correction in T3: T2 overstated (at least 50), T3 says 10 less.
{
	my $id = $back->{id};
	my ($r2, $r3, $r4) = map { $rep{$_}{$id} } 2, 3, 4;
	$r2->{avance} = 55 if $r2->{avance} < 55;
	if ($r2->{estado} ne 'en-curso') {
		$r2->{estado} = 'en-curso';
		delete $r2->{comentario};
	}
	$r3->{avance} = $r2->{avance} - 10;
	$r3->{estado} = 'en-curso';
	$r3->{comentario} = "Se corrige el avance informado en el segundo trimestre " .
	    "($r2->{avance} %), que contaba como concluidas tareas aún en revisión; " .
	    "el avance acumulado verificado es $r3->{avance} %.";
	$r3->{backwards} = 1;
	$r4->{avance} = $r3->{avance} if $r4->{avance} < $r3->{avance};
}

# ---------------------------------------------------------------- logros

my %NUMW = (dos => 2, tres => 3, cuatro => 4, cinco => 5, seis => 6, siete => 7,
	    ocho => 8, nueve => 9, diez => 10, once => 11, doce => 12, catorce => 14);
my $NUMRE = join '|', sort keys %NUMW;
for my $I (@inds) {
	my $t = $I->{texto} // '';
	while ($t =~ /(?<![\d.])(\d{1,4}(?:,\d{3})?|$NUMRE)\s+((?:[[:alpha:]]|\xc3[\x80-\xbf])+)/g) {
		my ($n, $w) = ($1, $2);
		$n = $NUMW{$n} // do { (my $d = $n) =~ s/,//g; $d };
		next if $n >= 2010 && $n <= 2025;    # a year, not a goal
		next if $w =~ /^(de|del|y|a|al|en|la|el|los|las|se|por|con|para|que|metros)$/i;
		next if $n < 2;
		$I->{meta} = [$n, lc $w];
		last;
	}
}

sub logro {
	my ($I, $q) = @_;
	my @a = grep { !$unrep{$q}{$_->{id}} && $rep{$q}{$_->{id}}{estado} ne 'cancelada' } @{$I->{acts}};
	return undef unless @a;
	my $sum = 0;
	$sum += $rep{$q}{$_->{id}}{avance} for @a;
	my $pct = int($sum / @a + 0.5);
	my $fr = $sum / @a / 100;
	if ($I->{meta}) {
		my ($n, $w) = @{$I->{meta}};
		my $x = int($n * $fr + 1e-9);
		my @t = (
			"$x de $n $w al $CORTE_TXT{$q}",
			"$x de $n $w; el resto en proceso",
			"Logrado: <b>$x de $n</b> $w",
			"$x de $n $w (meta anual: $n)",
		);
		@t = ("Meta cumplida: $n de $n $w", "<b>$n de $n</b> $w: meta anual alcanzada")
		    if $x >= $n;
		return pick(\@t);
	}
	return pick(['Sin avance al corte.', 'Aún sin productos: las actividades no han iniciado.'])
	    if $pct == 0;
	return pick(["En etapa inicial: $pct % de avance en sus actividades.",
		     "Primeros insumos elaborados ($pct %)."]) if $pct < 35;
	return pick(["En ejecución: $pct % de avance acumulado.",
		     "Avance del $pct %; productos parciales en revisión.",
		     "Documento en <i>borrador</i> ($pct % de avance)."]) if $pct < 90;
	return pick(["En fase de cierre ($pct %).", "Productos casi completos: $pct %."])
	    if $pct < 100;
	return pick(['<b>Cumplido</b>: productos entregados y verificados.',
		     'Meta cumplida.', 'Cumplido; medios de verificación archivados.']);
}

# ---------------------------------------------------------------- risks

my %RIESGOS = (
	1 => [['poa-ufia', 32, 'Se detectó subutilización de la flota de vehículos en enero y febrero; se reorganizó el calendario de uso.']],
	2 => [['poa-sim', 25, 'Falla del servidor de archivos en mayo: se restauró la copia de seguridad con pérdida de dos días de trabajo.'],
	      ['poa-sdcu', undef, 'Aumento de la inseguridad en zonas del norte del AMSS: se suspendieron las inspecciones de campo durante dos semanas de junio.']],
	3 => [['poa-uaip', 26, 'Dos unidades entregaron fuera de plazo la información oficiosa del primer semestre; el portal de transparencia estuvo desactualizado tres semanas.'],
	      ['poa-uj', 29, 'La entrada en vigencia de la Ley de Procedimientos Administrativos obligó a revisar los plazos de respuesta de los recursos.']],
	4 => [['poa-uaci', 29, 'Un proceso de libre gestión fue observado por no respetar los plazos de la LACAP y debió repetirse.'],
	      ['poa-ugemae', 27, 'La falta de datos consolidados de los municipios retrasó la priorización de los proyectos de cooperación.']],
);
my %isrisk = map { $_ => 1 } @risknums;
for my $l (values %RIESGOS) {
	for (@$l) { die "risk $_->[1] not in the catalogue\n" if defined $_->[1] && !$isrisk{$_->[1]} }
}

# ---------------------------------------------------------------- output

sub esc { my ($s) = @_; $s =~ s/&(?!amp;|lt;|gt;)/&amp;/g; $s }    # text has no < >
sub attr { my ($s) = @_; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/"/&quot;/g; $s }

my %LOGRO_P = (1 => 0.40, 2 => 0.55, 3 => 0.65, 4 => 0.85);
for my $q (1 .. 4) {
	my $name = "avance-2019-T$q.xml";
	my $o = qq{<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE avance SYSTEM "avance.dtd">\n};
	$o .= "<!-- Informe de avance del POA 2019, $TRIM[$q] trimestre (corte $CORTE{$q}).\n"
	    . "     DATOS INVENTADOS PERO VEROSÍMILES, para probar y mostrar el informe\n"
	    . "     trimestral de avance: no son el avance real de COAMSS/OPAMSS.\n"
	    . "     Generado por tests/make-avance.pl (srand 2019) a partir de\n"
	    . "     plan-2019.xml; no lo edite a mano: cambie el script y vuelva a\n"
	    . "     ejecutarlo.";
	my @un = sort keys %{$unrep{$q} // {}};
	$o .= "\n     Actividades no informadas a propósito (sin-reporte): "
	    . join(', ', @un) . '.' if @un;
	if ($q == 3) {
		my $r = $rep{3}{$back->{id}};
		$o .= "\n     Retroceso deliberado (aviso de plangen): $back->{id} baja de "
		    . "$rep{2}{$back->{id}}{avance} a $r->{avance}, con un comentario que\n"
		    . "     explica la corrección.";
	}
	$o .= " -->\n";
	my $ant = $q > 1 ? sprintf(' anterior="avance-2019-T%d.xml"', $q - 1) : '';
	$o .= qq{<avance plan="plan-2019.xml" trimestre="$q" corte="$CORTE{$q}"$ant fecha="$FECHA{$q}">\n};
	if ($q == 4) {
		$o .= qq{  <firmantes>\n}
		    . qq{    <firmante id="planificacion" cargo="JEFATURA DE PLANIFICACIÓN INSTITUCIONAL"/>\n}
		    . qq{    <firmante id="direccion" cargo="DIRECCIÓN EJECUTIVA OPAMSS"/>\n}
		    . qq{    <firmante id="coordinador" cargo="COORDINADOR COAMSS"/>\n}
		    . qq{  </firmantes>\n}
		    . qq{  <aprobacion firmantes="planificacion direccion coordinador" motivo="Informe anual de cumplimiento del POA 2019" lugar="San Salvador, El Salvador" fecha="2020-01-15"/>\n};
	}
	for my $P (@poas) {
		$o .= qq{  <poa ref="$P->{id}">\n};
		for my $I (@{$P->{inds}}) {
			for my $A (@{$I->{acts}}) {
				next if $unrep{$q}{$A->{id}};
				my $r = $rep{$q}{$A->{id}};
				$o .= "    <!-- Corrección deliberada: el avance baja respecto del segundo trimestre. -->\n"
				    if $r->{backwards};
				$o .= qq{    <actividad ref="$A->{id}" avance="$r->{avance}" estado="$r->{estado}"};
				$o .= qq{ meses="$r->{meses}"} if defined $r->{meses};
				if (defined $r->{comentario}) {
					$o .= ">\n      <comentario>" . esc($r->{comentario})
					    . "</comentario>\n    </actividad>\n";
				} else {
					$o .= "/>\n";
				}
			}
			next unless rand() < $LOGRO_P{$q};
			my $l = logro($I, $q);
			next unless defined $l;
			$o .= qq{    <indicador ref="$I->{id}">\n      <logro>} . esc($l)
			    . "</logro>\n    </indicador>\n";
		}
		for my $x (@{$RIESGOS{$q}}) {
			next unless $x->[0] eq $P->{id};
			my $num = defined $x->[1] ? qq{ num="$x->[1]"} : '';
			$o .= qq{    <riesgo$num>} . esc($x->[2]) . "</riesgo>\n";
		}
		$o .= "  </poa>\n";
	}
	$o .= "</avance>\n";
	my $out = "$root/input/$name";
	open my $fh, '>:raw', $out or die "$out: $!\n";
	print $fh $o;
	close $fh or die "$out: $!\n";
	print "$out\n";
}
