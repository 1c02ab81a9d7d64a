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
page 08-培训后就业花名册.pdf employment-roster 1
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
shot() { # a page of a disc as a browser shows it (needs Chromium)
  if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --hide-scrollbars --window-size="$3" --screenshot="$img/$2.png" "file://$1" >/dev/null 2>&1
  fi
}
shot "$out/科尔沁右翼前旗天骄职业技能培训学校-中式烹调师/disc/index.html" disc-index 1000,1500

# The county's run: the example's zip and a review made from the example (built with --force:
# the example has no training ledger), decided in county.yaml as an officer would.
c="$out/county"
mkdir -p "$c/收件"
cp "$out/科尔沁右翼前旗天骄职业技能培训学校-中式烹调师/科尔沁右翼前旗天骄职业技能培训学校-中式烹调师.zip" "$c/收件/01-天骄.zip"
cp -r data/example "$c/review"
sed -i 's/^kind: application/kind: review/; s/name: 科尔沁右翼前旗天骄职业技能培训学校/name: 科尔沁右翼前旗草原职业培训学校/' "$c/review/submission.yaml"
SOURCE_DATE_EPOCH=1760000000 node bin/shenbao.js build "$c/review" --out "$c/built" --force -q >/dev/null
cp "$c"/built/*/*.iso "$c/收件/02-草原.iso"
bin="$PWD/bin/shenbao.js"
(cd "$c" && node "$bin" county init 收件 >/dev/null)
sed -i "s/^    recommend:$/    recommend: true/; s/^    score:$/    score: 86/; s/^  contact: ''/  contact: 王海涛/; s/^  phone: ''/  phone: (0482)5812345/; s/^  date: .*/  date: 2026-10-20/" "$c/county.yaml"
sed -i "s/^    practices: ''/    practices: 坚持“订单培训、定向输送”，与当地餐饮企业共建实训基地，学员结业即上岗；建立学员回访制度，培训后三个月内逐人回访。/" "$c/county.yaml"
(cd "$c" && SOURCE_DATE_EPOCH=1760000000 node "$bin" county 收件 --out out -q >/dev/null)
cd_out="$c/out/科尔沁右翼前旗-2026年推荐材料"
pdftoppm -r 60 -png -singlefile -f 1 -l 1 "$cd_out/documents/推荐报告/01-科尔沁右翼前旗天骄职业技能培训学校-中式烹调师.pdf" "$img/county-report"
pdftoppm -r 60 -png -singlefile -f 2 -l 2 "$cd_out/documents/评价结果报告/02-科尔沁右翼前旗草原职业培训学校-中式烹调师.pdf" "$img/county-evaluation"
pdftoppm -r 60 -png -singlefile -f 1 -l 1 "$cd_out/documents/汇总表.pdf" "$img/county-summary"
shot "$cd_out/disc/index.html" county-index 1300,800

rm -rf "$out"
ls -la "$img"
