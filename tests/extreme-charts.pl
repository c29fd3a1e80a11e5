#!/usr/bin/perl
# extreme-charts.pl MINIMAL.xml LINES UNITS [flat] — prints a plan for the
# chart tests: minimal.xml with every chart placed (PEI figure,
# organisation chart, the four budget charts), a budget of LINES lines a
# part whose totals agree as the reader checks them, and UNITS units:
# a council with commissions over an executive direction with advisory,
# support and operative units and their sub-units, or (flat) UNITS - 1
# units under one.  With more than one line the PEI is a full one (six
# areas); names come in short and long, so that labels wrap.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';

my ($base, $lines, $units, $flat) = @ARGV;
local $/;
open my $f, '<:utf8', $base or die "$base: $!";
my $x = <$f>;

my @long = (
	'Clasificación presupuestaria de ingresos y egresos corrientes con un nombre largo',
	'Transferencias corrientes y de capital del sector público y privado',
	'Venta',
);
sub label { my ($what, $i) = @_; "$what $i: " . $long[$i % @long] }
sub amount { my $i = shift; $i % 13 == 5 ? 0 : (($i * 7919) % 997 + 3) * 1234 + $i }
sub money { my $c = shift; sprintf '%d.%02d', int($c / 100), $c % 100 }

# ---- budget: income = expenses = sources; donors = donations ----
my (@in, @out, @don);
push @in, amount($_) for 1 .. $lines;
push @don, int(amount($_ + 3) / 4) || 100000 for 1 .. $lines;
my $total = 0;
$total += $_ for @in;
$total ||= 100;
$in[0] ||= $total if $lines == 1;
my $rest = $total;
for my $i (1 .. $lines - 1) {
	my $a = int($total / ($lines + $i % 4));
	$a = 0 if $i % 11 == 7;
	push @out, $a;
	$rest -= $a;
}
push @out, $rest;
my $donations = 0;
$donations += $_ for @don;
my @src = $lines == 1 ? ([ 'propios', 'OPAMSS', $total ])
	: ([ 'propios', 'OPAMSS', $total - $donations - int($total / 10) ],
	   [ 'donaciones', 'DONACIONES', $donations ],
	   [ 'otros', 'OTROS FONDOS', int($total / 10) ]);
die "too few income for the donors\n" if $src[0][2] < 0;

my $b = "<presupuesto>\n    <ingresos total=\"" . money($total) . "\">\n";
$b .= sprintf "      <linea monto=\"%s\">%s</linea>\n", money($in[$_ - 1]), label('Ingreso', $_) for 1 .. $lines;
$b .= "    </ingresos>\n    <egresos total=\"" . money($total) . "\">\n";
$b .= sprintf "      <linea monto=\"%s\">%s</linea>\n", money($out[$_ - 1]), label('Egreso', $_) for 1 .. $lines;
$b .= "    </egresos>\n    <fuentes total=\"" . money($total) . "\">\n";
$b .= sprintf "      <fuente tipo=\"%s\" monto=\"%s\">%s</fuente>\n", $_->[0], money($_->[2]), $_->[1] for @src;
$b .= "    </fuentes>\n    <donantes>\n";
$b .= sprintf "      <donante monto=\"%s\" fin=\"2019-%02d-28\">%s</donante>\n", money($don[$_ - 1]), $_ % 12 + 1, label('Donante', $_)
	for 1 .. $lines;
$b .= "    </donantes>\n  </presupuesto>";
$x =~ s{<presupuesto>.*?</presupuesto>}{$b}s;

# ---- units ----
my @names = ('Unidad de Gestión Documental, Archivo y Correspondencia Institucional',
	     'Área de Control', 'Departamento de Planificación Estratégica',
	     'Subdirección de Desarrollo Social y Económico del Territorio', 'Oficina');
my $n = 0;
sub unit {
	my ($level, $kids, $name) = @_;
	$n++;
	my $id = $n == 2 && $units > 1 || $n == 1 && $units == 1 ? 'uj' : "u$n";
	$name //= "$names[$n % @names] $n";
	return qq(<unidad id="$id" nombre="$name" nivel="$level") . ($kids ? ">$kids</unidad>\n" : "/>\n");
}
my $org;
if ($units == 1) {
	$org = unit('asesor', '', 'Unidad Jurídica');
} elsif ($flat) {
	$org = unit('directivo', join('', map { unit('operativo', '') } 2 .. $units),
		    'Consejo de Alcaldes del Área Metropolitana');
} else {
	# council, 5 commissions, direction, 15 units under it, then sub-units
	# by the pattern below until there are UNITS in all.
	my @type = ((('asesor') x 8), 'apoyo', 'apoyo', (('operativo') x 5));
	my @subs = (2, 0, 3, 0, 1, 0, 0, 4, 4, 5, 3, 6, 2, 5, 4);
	my $left = $units - 7 - @type;
	my ($commissions, $direction) = ('', '');
	$commissions .= unit('directivo', '') for 1 .. 5;
	for my $i (0 .. $#type) {
		my $k = $subs[$i] < $left ? $subs[$i] : $left;
		$left -= $k;
		my $level = $type[$i];
		$direction .= unit($level, join('', map { unit($level, '') } 1 .. $k));
	}
	$direction = unit('directivo', $direction, 'Dirección Ejecutiva');
	$org = qq(<unidad id="c0" nombre="Consejo de Alcaldes del Área Metropolitana" nivel="directivo">)
		. $commissions . $direction . '</unidad>';
}
$x =~ s{<organizacion>.*?</organizacion>}{<organizacion titulo="ESTRUCTURA ORGÁNICA DE PRUEBA">$org</organizacion>}s;

# ---- PEI ----
if ($lines > 1) {
	my $pei = qq(<pei titulo="PEI" periodo="2016-2020">
    <mision>Planificar y controlar el desarrollo del área metropolitana con enfoque metropolitano, sostenible e inclusivo.</mision>
    <vision>Un área metropolitana ordenada, sostenible, competitiva e inclusiva, con instituciones fuertes y coordinadas.</vision>
    <meta>Incidir en elevar la prosperidad del área metropolitana y sus habitantes.</meta>
    <valores>) . join('', map { "<valor>Valor $_</valor>" } 1 .. 9) . "</valores>\n";
	my $o = 0;
	for my $a (1 .. 6) {
		$pei .= qq(<area id="ae$a" num="$a" nombre="Área de gestión número $a del plan">);
		for (1 .. 1 + $a % 3) {
			$o++;
			$pei .= qq(<objetivo id="oe$o" num="$o">Objetivo estratégico $o: fortalecer la gestión del desarrollo del área metropolitana</objetivo>);
		}
		$pei .= "</area>\n";
	}
	$x =~ s{<pei\b.*?</pei>}{$pei</pei>}s;
}

my $place = join "\n      ",
	'<figura-pei titulo="Esquema del PEI" fuente="Elaboración Propia"/>',
	'<organigrama titulo="Organigrama de prueba" fuente="Elaboración Propia"/>',
	map { qq(<presupuesto-grafico parte="$_" titulo="Gráfico de $_" fuente="Elaboración Propia"/>) }
		qw(ingresos egresos fuentes donantes);
$x =~ s{<p>Texto.</p>}{<p>Texto.</p>\n      $place};
print $x;
