#!/usr/bin/perl
# make-big-avance.pl PLAN.xml [NAME] — prints the fourth quarter's
# progress report (<avance>, input/avance.dtd) on PLAN.xml, a plan as
# tests/make-big-plan.pl makes them (or any plan with one start tag per
# line): every activity of every POA reported, under its POA, with a
# plausible avance and estado (about 62 % finalizada, 20 % en-curso, 8 %
# reprogramada with new months and a comentario, 6 % no-iniciada, 4 %
# cancelada), one indicator in three with a logro, and one risk of the
# plan's catalogue for one POA in five.  NAME is the plan= attribute
# (default: PLAN's file name, for a report written beside its plan); the
# corte is the 31st of December of the plan's anio.  For the booklet's
# figures of make bench; deterministic (its own generator, drawn in the
# plan's order), made at run time, never committed.
use strict;
use warnings;

my $file = shift // die "usage: make-big-avance.pl PLAN.xml [NAME]\n";
my $name = shift // ($file =~ s{.*/}{}r);
open my $in, '<:raw', $file or die "$file: $!\n";
my $xml = do { local $/; <$in> };
close $in;

my ($year) = $xml =~ /<plan\b[^>]*\banio="(\d{4})"/
	or die "$file: no <plan anio=\"...\">\n";
my @risks = $xml =~ /<riesgo-institucional\b[^>]*\bnum="(\d+)"/g;

# Park and Miller's minimal standard generator, drawn in the order of the
# plan's elements: the same numbers on every machine and every Perl (the
# products stay below 2**46, exact in any Perl's numbers).
my $state = 2019;
sub rnd {
	my ($n) = @_;
	$state = $state * 16807 % 2147483647;
	return int($state / 2147483647 * $n);
}

my @comment = (
	'Avance parcial por la demora en la contratación del servicio de apoyo.',
	'Falta la revisión final de la jefatura; se dará por concluida en enero.',
	'Se reprogramó por la carga de trabajo del cierre del ejercicio.',
	'Depende de información de las municipalidades que llegó tarde.',
);
my @logro = (
	'Meta cumplida.',
	'Cumplido; medios de verificación archivados.',
	'Avance del 80 %; productos parciales en revisión.',
	'Logrado: <b>3 de 4</b> productos entregados.',
);

print qq(<?xml version="1.0" encoding="UTF-8"?>\n),
	qq(<!DOCTYPE avance SYSTEM "avance.dtd">\n),
	qq(<!-- Generado por tests/make-big-avance.pl a partir de $name: datos inventados. -->\n),
	qq(<avance plan="$name" trimestre="4" corte="$year-12-31" fecha="@{[$year + 1]}-01-15">\n);

my ($poa, $body) = (undef, '');
sub close_poa {
	return unless defined $poa;
	$body .= qq(    <riesgo num="$risks[rnd(scalar @risks)]">Se materializó en el trimestre; la unidad aplicó su control.</riesgo>\n)
		if @risks && rnd(5) == 0;
	print qq(  <poa ref="$poa">\n), $body, qq(  </poa>\n);
	($poa, $body) = (undef, '');
}
while ($xml =~ /<(poa|indicador|actividad)\b([^>]*)>/g) {
	my ($tag, $attrs) = ($1, $2);
	my ($id) = $attrs =~ /\bid="([^"]+)"/ or next;
	if ($tag eq 'poa') {
		close_poa();
		$poa = $id;
		next;
	}
	next unless defined $poa;
	if ($tag eq 'indicador') {
		$body .= qq(    <indicador ref="$id"><logro>$logro[rnd(scalar @logro)]</logro></indicador>\n)
			if rnd(3) == 0;
		next;
	}
	my $r = rnd(100);
	my $c = $comment[rnd(scalar @comment)];
	if ($r < 62) {
		$body .= qq(    <actividad ref="$id" avance="100" estado="finalizada"/>\n);
	} elsif ($r < 82) {
		my $a = 40 + 5 * rnd(12);
		$body .= qq(    <actividad ref="$id" avance="$a" estado="en-curso">\n)
			. qq(      <comentario>$c</comentario>\n    </actividad>\n);
	} elsif ($r < 90) {
		my $a = 30 + 5 * rnd(10);
		my $from = 1 + rnd(6);
		$body .= qq(    <actividad ref="$id" avance="$a" estado="reprogramada" meses="$from-12">\n)
			. qq(      <comentario>$c</comentario>\n    </actividad>\n);
	} elsif ($r < 96) {
		$body .= qq(    <actividad ref="$id" avance="0" estado="no-iniciada"/>\n);
	} else {
		my $a = 5 * rnd(8);
		$body .= qq(    <actividad ref="$id" avance="$a" estado="cancelada">\n)
			. qq(      <comentario>Cancelada: la unidad la sustituyó por otra actividad.</comentario>\n    </actividad>\n);
	}
}
close_poa();
print "</avance>\n";
