#!/usr/bin/env bash
# The XLSX commands of the thidua binary, end to end: render each shipped form and list from its
# example, refuse bad data with a Vietnamese message naming the field (exit 1), and print read-form's
# JSON. Usage: cli_forms_test.sh THIDUA_BINARY SOURCE_DIR
set -uo pipefail
THIDUA=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fails=0
expect() {  # expect NAME WANTED_EXIT_CODE ACTUAL_EXIT_CODE FILE PATTERN
  if [ "$2" != "$3" ]; then echo "FAIL $1: exit $3, wanted $2"; cat "$4"; fails=$((fails + 1)); return; fi
  if [ -n "$5" ] && ! grep -q -- "$5" "$4"; then echo "FAIL $1: no \"$5\" in:"; cat "$4"; fails=$((fails + 1)); fi
}

for t in xhht-bao-cao-nam tk-khen-thuong danh-sach-khen-thuong; do
  "$THIDUA" render "$SRC/templates/forms/$t.json" --data "$SRC/examples/forms/$t.json" --out "$WORK/$t.xlsx" \
    >"$WORK/out" 2>&1
  expect "render $t" 0 $? "$WORK/out" ""
  [ -s "$WORK/$t.xlsx" ] || { echo "FAIL render $t: no file"; fails=$((fails + 1)); }
done

# A shipped form by name, with a value that breaks the form's rules.
printf '{"unit": "Xã Tân Phú", "period": "2025", "created": "2025-11-01", "values": {"cong_dong.xa": -4}}' \
  >"$WORK/bad.json"
"$THIDUA" render xhht-bao-cao-nam --data "$WORK/bad.json" --out "$WORK/bad.xlsx" >"$WORK/out" 2>&1
expect "render bad value" 1 $? "$WORK/out" 'trường "values.cong_dong.xa" phải là số nguyên từ 0 đến'
[ ! -e "$WORK/bad.xlsx" ] || { echo "FAIL: bad.xlsx written"; fails=$((fails + 1)); }

"$THIDUA" render xhht-bao-cao-nam --out "$WORK/x.xlsx" >"$WORK/out" 2>&1
expect "render usage" 2 $? "$WORK/out" "usage"

# read-form: the form as generated has empty required cells.
"$THIDUA" read-form "$WORK/xhht-bao-cao-nam.xlsx" >"$WORK/out" 2>&1
expect "read-form blank" 1 $? "$WORK/out" '"code": "missing_value"'
"$THIDUA" read-form "$WORK/xhht-bao-cao-nam.xlsx" --form tk-khen-thuong >"$WORK/out" 2>&1
expect "read-form wrong form" 1 $? "$WORK/out" '"code": "wrong_form"'
"$THIDUA" read-form "$WORK/xhht-bao-cao-nam.xlsx" --unit "Ủy ban nhân dân huyện Đồng Phú" --period 2024 \
  >"$WORK/out" 2>&1
expect "read-form wrong period" 1 $? "$WORK/out" '"code": "wrong_period"'
"$THIDUA" read-form "$SRC/examples/forms/tk-khen-thuong.json" >"$WORK/out" 2>&1
expect "read-form not a zip" 1 $? "$WORK/out" '"code": "not_zip"'

# A complete report prefilled through the data reads back with its values.
/usr/bin/python3 - "$SRC" "$WORK/full.json" <<'PY'
import json, sys
form = json.load(open(sys.argv[1] + "/templates/forms/xhht-bao-cao-nam.json", encoding="utf-8"))
values = {}
for s in form["sections"]:
    if s["kind"] == "grid":
        for r in s["rows"]:
            for col, code in zip(s["columns"], r["cells"]):
                if code == "n":
                    values[r["key"] + "." + col["key"]] = 7
    else:
        for f in s["fields"]:
            t = f.get("type", "text")
            values[f["key"]] = 3 if t == "integer" else form["lists"][t[5:]][0] if t.startswith("list:") else "Tốt"
json.dump({"unit": "Xã Tân Phú", "period": "2025", "created": "2025-11-01", "values": values},
          open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$THIDUA" render xhht-bao-cao-nam --data "$WORK/full.json" --out "$WORK/full.xlsx" >"$WORK/out" 2>&1
expect "render full" 0 $? "$WORK/out" ""
"$THIDUA" read-form "$WORK/full.xlsx" --unit "Xã Tân Phú" --period 2025 >"$WORK/out" 2>&1
expect "read-form full" 0 $? "$WORK/out" '"cong_dong.xa": 7'
grep -q '"muc_do": "Hoàn thành xuất sắc"' "$WORK/out" || { echo "FAIL read-form list value"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] && echo "all CLI checks passed"
exit $((fails > 0))
