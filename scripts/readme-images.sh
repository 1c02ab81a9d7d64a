#!/usr/bin/env bash
# Renders the pictures in the README from a fresh build of the bundled example.
# Needs poppler-utils (pdftoppm) and, for the DOCX picture, LibreOffice.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
SOURCE_DATE_EPOCH=1760000000 node bin/shenbao.js build data/example --out "$out" -q >/dev/null
docs="$out/科尔沁右翼前旗天骄职业技能培训学校-中式烹调师/documents"
img=docs/images
mkdir -p "$img"
page() { pdftoppm -r 60 -png -singlefile -f "$3" -l "$3" "$docs/$1" "$img/$2"; }
page 01-申请表.pdf cover 1
page 02-推荐表.pdf recommendation-1 1
page 02-推荐表.pdf recommendation-3 3
page 06-信用承诺书.pdf pledge 1
page 07-花名册.pdf roster 2
page 10-自评分表.pdf score-sheet 1
vol="$out/科尔沁右翼前旗天骄职业技能培训学校-中式烹调师/print"
vpage() { pdftoppm -r 40 -png -singlefile -f "$2" -l "$2" "$vol/第1份.pdf" "$img/$1"; }
vpage volume-cover 1
vpage volume-contents 3
vpage volume-blank 4
vpage volume-scan 23
vpage volume-screenshot 29
pdftoppm -r 40 -png -singlefile "$vol/书脊.pdf" "$img/volume-spine"
if command -v libreoffice >/dev/null; then
  libreoffice --headless "-env:UserInstallation=file://$out/lo" --convert-to pdf --outdir "$out" "$docs/02-推荐表.docx" >/dev/null 2>&1
  pdftoppm -r 60 -png -singlefile -f 1 -l 1 "$out/02-推荐表.pdf" "$img/recommendation-docx"
fi
rm -rf "$out"
ls -la "$img"
