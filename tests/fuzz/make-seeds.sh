#!/bin/sh
# make-seeds.sh DIR — fills DIR with the seed corpus of both harnesses:
# input/plan-2019.xml, tests/valid/*.xml, tests/bad/*.xml, and the 2019
# plan cut into complete plans of one POA each (the whole file is larger
# than the fuzzer's -max_len=65536 and would be truncated), with all its
# narrative and again without the paragraphs and lists (the headings and
# placements stay): the pipeline lays those out several times faster.
# Accountability reports: input/rendicion-2019.xml and the least one.
# Progress reports: input/avance-2019-T1..T4.xml, tests/valid/avance-small
# (its plan and both reports), and a few small reports written here, on
# the small plan (plan.xml) and on the 2019 one.  The plans and reports
# they name are found by the harnesses in their folder (fuzz-files.h).
# Run from the project root; the corpus is built, never committed.
set -eu
dir=${1:?usage: tests/fuzz/make-seeds.sh DIR}
mkdir -p "$dir"
cp input/plan-2019.xml "$dir/plan-2019.xml"
for f in tests/valid/*.xml; do cp "$f" "$dir/valid-${f##*/}"; done
for f in tests/bad/*.xml; do cp "$f" "$dir/bad-${f##*/}"; done
for f in input/avance-*.xml; do cp "$f" "$dir/${f##*/}"; done
for f in tests/valid/avance-small/*.xml; do cp "$f" "$dir/avance-small-${f##*/}"; done
# Empty elements of every kind, on the small plan: a cell, a whole table
# of them, an item, a paragraph, a subtitle, a comment, a logro.
cat >"$dir/empty-elements.xml" <<'XML'
<plan anio="2019"><portada><titulo/></portada><cuerpo><seccion titulo=""><p/><subtitulo/><lista><item/></lista><tabla><fila><celda/></fila></tabla><tabla><fila tipo="encabezado"><celda/><celda/></fila><fila><celda/><celda>x</celda></fila></tabla></seccion></cuerpo></plan>
XML
cat >"$dir/avance-empty.xml" <<'XML'
<avance plan="plan.xml" trimestre="2" corte="2019-06-30"><poa ref="poa-uaci"><actividad ref="uaci-o1-r1-i1-a1" avance="0" estado="no-iniciada"><comentario/></actividad><indicador ref="uaci-o1-r1-i1"><logro/></indicador><riesgo/></poa></avance>
XML
# Characters the fonts lack (the fallback font's, and none's: more than
# the reader warns of one by one).
cat >"$dir/glyphs.xml" <<'XML'
<plan anio="2019"><portada><titulo>→ ✓ שלום مرحبا 中文</titulo></portada><cuerpo><seccion titulo="中"><p>一丁丂七丄丅丆万丈三上下丌不与丏丐丑丒专且丕 😀</p></seccion></cuerpo></plan>
XML
# Accountability reports: the 2019 one, and the least one.
cp input/rendicion-2019.xml "$dir/rendicion-2019.xml"
cat >"$dir/rendicion-min.xml" <<'XML'
<rendicion desde="2019-01-01" hasta="2019-12-31"><portada><titulo>R</titulo></portada><fuentes><plan archivo="plan-2019.xml"/><avance archivo="avance-2019-T4.xml"/></fuentes></rendicion>
XML

# Small progress reports.  The least one, on the small plan:
cat >"$dir/avance-min.xml" <<'XML'
<avance plan="plan.xml" trimestre="1" corte="2019-03-31"/>
XML
# Every estado, a logro with markup, risks with and without num, its own
# sign-off, a title, an entity, and a chain of three (avance.xml, then
# anterior.xml):
cat >"$dir/avance-all.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE avance SYSTEM "avance.dtd" [
  <!ENTITY lacap "Ley de Adquisiciones y Contrataciones (LACAP)">
]>
<avance plan="plan.xml" trimestre="3" corte="2019-09-30" anterior="avance.xml" fecha="2019-10-05" titulo="Informe del tercer trimestre">
  <firmantes>
    <firmante id="jefe" cargo="JEFATURA UACI" nombre="Ana Pérez" firma="img/firma.png" sello="img/sello.jpg"/>
    <firmante id="dir" cargo="DIRECCIÓN EJECUTIVA"/>
  </firmantes>
  <aprobacion firmantes="jefe dir" motivo="Revisión trimestral" lugar="San Salvador" fecha="2019-10-05"/>
  <poa ref="poa-uaci">
    <actividad ref="uaci-o1-r1-i1-a1" avance="75" estado="en-curso"/>
    <actividad ref="uaci-o1-r1-i1-a2" avance="100" estado="finalizada"/>
    <actividad ref="uaci-o1-r1-i2-a1" avance="60" estado="reprogramada" meses="1-3,7-11">
      <comentario>Se movió por la reforma de la &lacap;.<br/>Ver <b>acta <i>12</i></b>.</comentario>
    </actividad>
    <actividad ref="uaci-o1-r2-i1-a1" avance="0" estado="no-iniciada"/>
    <actividad ref="uaci-o1-r2-i1-a2" avance="30" estado="cancelada">
      <comentario>Cancelada: ya no aplica.</comentario>
    </actividad>
    <indicador ref="uaci-o1-r1-i1">
      <logro><b>5 de 6</b> convocatorias<br/>lanzadas</logro>
    </indicador>
    <indicador ref="uaci-o1-r2-i2">
      <logro>Sin avance.</logro>
    </indicador>
    <riesgo num="24">Se detectó un registro alterado.</riesgo>
    <riesgo>Retraso de un proveedor.</riesgo>
  </poa>
</avance>
XML
# One POA of the 2019 plan, the fourth quarter's first lines:
cat >"$dir/avance-2019-spi.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE avance SYSTEM "avance.dtd">
<avance plan="plan-2019.xml" trimestre="2" corte="2019-06-30">
  <poa ref="poa-spi">
    <actividad ref="spi-o1-r1-i1-a1" avance="50" estado="en-curso"/>
    <actividad ref="spi-o1-r1-i1-a2" avance="12.5" estado="en-curso"/>
    <indicador ref="spi-o1-r1-i1"><logro>La mitad.</logro></indicador>
    <riesgo num="27">Faltaron datos de los municipios.</riesgo>
  </poa>
</avance>
XML
# Errors the reader finds past the DTD: an avance over 100, a finished
# activity short of 100, a reprogramada without meses nor comentario, an
# unknown ref, one of another POA, a repeated activity and POA, a corte
# outside the plan's year, an unknown risk:
cat >"$dir/avance-bad.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<avance plan="plan.xml" trimestre="2" corte="2020-06-30" anterior="anterior.xml">
  <poa ref="poa-uaci">
    <actividad ref="uaci-o1-r1-i1-a1" avance="101" estado="en-curso"/>
    <actividad ref="uaci-o1-r1-i1-a2" avance="99" estado="finalizada"/>
    <actividad ref="uaci-o1-r1-i2-a1" avance="5" estado="reprogramada"/>
    <actividad ref="uaci-o1-r1-i1-a1" avance="-1" estado="no-iniciada"/>
    <actividad ref="no-existe" avance="1e2" estado="en-curso"/>
    <indicador ref="uaci-o1-r1-i1-a1"><logro/></indicador>
    <riesgo num="99"/>
  </poa>
  <poa ref="poa-uaci"/>
  <poa ref="uaci"/>
</avance>
XML
# A plan that is not there, and one that is a report:
cat >"$dir/avance-no-plan.xml" <<'XML'
<avance plan="no-existe.xml" trimestre="4" corte="2019-12-31" anterior="avance.xml"/>
XML
cat >"$dir/avance-plan-is-report.xml" <<'XML'
<avance plan="avance.xml" trimestre="1" corte="2019-03-31" anterior="plan.xml"/>
XML
# Everything before the first <poa, then each <poa ...>...</poa>, then </plan>.
awk -v dir="$dir" '
	!started && /<poa / { started = 1 }
	!started { head = head $0 "\n" }
	!started && /<lista/ { inlist = 1 }
	!started && !inlist && !/^ *<p>.*<\/p> *$/ { short = short $0 "\n" }
	!started && /<\/lista>/ { inlist = 0 }
	!started { next }
	/<poa / { n++; poa = "" }
	{ poa = poa $0 "\n" }
	/<\/poa>/ {
		f = sprintf("%s/plan-2019-poa%02d.xml", dir, n)
		printf "%s%s</plan>\n", head, poa > f
		close(f)
		f = sprintf("%s/plan-2019-short-poa%02d.xml", dir, n)
		printf "%s%s</plan>\n", short, poa > f
		close(f)
	}
' input/plan-2019.xml
ls "$dir" | wc -l
