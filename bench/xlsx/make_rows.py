#!/usr/bin/python3
"""Writes the award-list data for the benchmark: N rows as thidua's award-list JSON.

Usage: make_rows.py N OUT.json [PEERS_W3_DIR]
With PEERS_W3_DIR (../shared/peers/w3) the rows are exactly the peers' W3 rows (rows.py), so the timings
compare like for like; without it a built-in deterministic generator with the same vocabulary is used.
"""
import datetime
import json
import os
import random
import sys


def builtin_rows(n):
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hằng", "Hiếu", "Thảo", "Việt"]
    schools = ["Trường Tiểu học", "Trường Trung học cơ sở", "Trường Mầm non", "Trung tâm Học tập cộng đồng"]
    communes = [("Tân Phú", "Đồng Phú"), ("Minh Hưng", "Chơn Thành"), ("Đức Liễu", "Bù Đăng")]
    positions = ["Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng", "Nhân viên", "Chuyên viên"]
    rnd = random.Random(20251215)
    d0 = datetime.datetime(2025, 12, 15)
    for i in range(1, n + 1):
        commune, district = rnd.choice(communes)
        yield (i, f"{rnd.choice(family)} {rnd.choice(middle)} {rnd.choice(given)}", rnd.choice(positions),
               f"{rnd.choice(schools)} {commune}, xã {commune}, huyện {district}",
               "Bằng khen của Chủ tịch UBND tỉnh", f"{999 + i}/QĐ-UBND", d0 - datetime.timedelta(days=i % 700),
               "Khen đột xuất" if i % 7 == 0 else None)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    peers = sys.argv[3] if len(sys.argv) > 3 else ""
    if peers and os.path.exists(os.path.join(peers, "rows.py")):
        sys.path.insert(0, peers)
        from rows import rows  # the peers' generator
        source = rows(n)
    else:
        source = builtin_rows(n)
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"created": "2025-12-15", "superior": "ỦY BAN NHÂN DÂN", "issuer": "TỈNH BÌNH PHƯỚC",\n'
                ' "decision": {"number": "1000/QĐ-UBND", "date": "2025-12-15",'
                ' "by": "Chủ tịch Ủy ban nhân dân tỉnh Bình Phước"},\n'
                ' "title": "DANH SÁCH KHEN THƯỞNG", "rows": [\n')
        for i, r in enumerate(source):
            row = {"name": r[1], "position": r[2], "unit": r[3], "award": r[4], "decision_no": r[5],
                   "date": r[6].strftime("%Y-%m-%d")}
            if r[7] is not None:
                row["note"] = r[7]
            f.write(("," if i else "") + json.dumps(row, ensure_ascii=False) + "\n")
        f.write("]}\n")


main()
