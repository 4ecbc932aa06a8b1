// Vietnamese terms used in names across the code, glossed once.
//
// chỉ tiêu            indicator (a row of the plan's table)
// kế hoạch (KH)       plan: the year's target value
// chỉ số KH (KHTT)    plan growth index, % of last year at constant prices (107,64 = +7,64 %)
// thực hiện (TH)      actual: what was achieved (ước thực hiện: the estimate at report time)
// năm trước / cùng kỳ (TN)  previous year's actual / the same period last year
// giá so sánh 2010    constant prices of base year 2010
// giá trị sản phẩm (sp)     product value (value added) — measure of indicator 1
// giá trị sản xuất (sx)     gross output value — measure of indicator 1
// đạt / vượt / chưa đạt     met / exceeded / not met (shortfall)
// trong đó            "of which": a part of the row above
// đơn vị tính (ĐVT)   unit of measure; đơn vị (alone) is also the reporting unit (commune, agency)
// kỳ báo cáo          report period: năm (year) or 6 tháng (six months)
// triệu / tỷ đồng     million / billion đồng
// tiêu chí            criterion (of the new-rural and urban-class programmes)
// giảm cả 3 mặt       "down on all three counts" (traffic accidents: cases, deaths, injuries)
// đánh giá            assessment (the status column); ghi chú: note column
// tổng hợp            consolidation across reporting units; tóm tắt: summary
export {};
