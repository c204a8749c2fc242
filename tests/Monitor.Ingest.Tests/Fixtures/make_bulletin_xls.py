# Writes bulletin.xls (BIFF8), the committed fixture of the Excel reader tests: a provincial monthly bulletin with a
# title, a unit line, merged headers, footnote marks, numbers as text, missing markers and notes; one sheet per month.
# Run with Debian's python3-xlwt: /usr/bin/python3 make_bulletin_xls.py
import xlwt

book = xlwt.Workbook(encoding="utf-8")
months = [("2025年9月", ["5,234.5", 1234.5, 45678.9, "6.2①", 3.1, 1020.0, "—"]),
          ("2025年8月", [5100.0, 1200.25, 40444.4, 5.8, "3.0*", 990.0, "…"])]
for name, v in months:
    s = book.add_sheet(name)
    s.write_merge(0, 0, 0, 3, name[:4] + "年" + name[5:] + "规模以上工业生产主要数据")
    s.write(1, 0, "单位：亿元")
    s.write_merge(2, 3, 0, 0, "指标")
    s.write_merge(2, 2, 1, 2, "绝对量")
    s.write(3, 1, "本月")
    s.write(3, 2, "1-本月累计")
    s.write_merge(2, 3, 3, 3, "同比增长(%)")
    s.write(4, 0, "工业增加值")
    s.write(4, 1, v[0]); s.write(4, 2, v[2]); s.write(4, 3, v[3])
    s.write(5, 0, "  其中：制造业")
    s.write(5, 1, v[1]); s.write(5, 2, "３２,１００.０"); s.write(5, 3, v[4])
    s.write(6, 0, "出口交货值")
    s.write(6, 1, v[5]); s.write(6, 2, ""); s.write(6, 3, v[6])
    s.write(8, 0, "注：1. 本表为规模以上工业企业数据。①按可比价格计算。")
book.save("bulletin.xls")
