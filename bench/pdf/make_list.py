#!/usr/bin/python3
"""Writes the certificate list for the PDF benchmark.

make_list.py OUT.json [CERTS.json]
With CERTS.json (the peers' make_data.py output: 1,000 records) the same recipients are converted to the
list format of templates/certificates (adding a verification URL per record); without it, 1,000
comparable records are generated here with a fixed seed.
"""
import json
import random
import sys


def synthetic(n=1000):
    rnd = random.Random(20251215)
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hằng", "Hiếu"]
    for i in range(n):
        yield {"stt": i + 1, "name": f"{rnd.choice(family)} {rnd.choice(middle)} {rnd.choice(given)}",
               "position": "Giáo viên", "unit": "Trường Tiểu học Tân Phú, xã Tân Phú, huyện Đồng Phú",
               "achievement": "Đã có thành tích xuất sắc trong Phong trào “Cả nước thi đua xây dựng xã hội "
                              "học tập, đẩy mạnh học tập suốt đời” giai đoạn 2023 - 2025",
               "decision": f"Quyết định số {1000 + i}/QĐ-UBND ngày 15/12/2025",
               "decision_no": f"{1000 + i}/QĐ-UBND", "date": "15/12/2025",
               "place_date": "Bình Phước, ngày 15 tháng 12 năm 2025",
               "issuer": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
               "signer": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Tuyết Minh"], "number": f"Số: {1000 + i}/BK-UBND"}


def main():
    out = sys.argv[1]
    records = json.load(open(sys.argv[2], encoding="utf-8")) if len(sys.argv) > 2 else list(synthetic())
    items = []
    for r in records:
        items.append({"name": r["name"], "position": r["position"], "unit": r["unit"],
                      "achievement": r["achievement"], "decision": r["decision"], "decision_no": r["decision_no"],
                      "date": r["date"], "place_date": r["place_date"], "issuer": r["issuer"],
                      "signer_title": "\n".join(r["signer"][:2]), "signer_name": r["signer"][2],
                      "serial": r["number"].replace("Số: ", ""),
                      "url": f"https://thidua.binhphuoc.gov.vn/xac-minh/{r['stt']}"})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"items": items}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
