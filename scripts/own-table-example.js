// The example of README "Bảng của bạn": a commune report table in its own layout (merged two-row header,
// roman groups, its own "% KH" and "Đánh giá" columns, two of them wrong on purpose). Usage:
// node scripts/own-table-example.js bao-cao-xa.xlsx
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu KT-XH');
  ws.getCell('A1').value = 'UBND XÃ PHÚ MỸ';
  ws.getCell('A2').value = 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026';
  const head = ['TT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện năm 2025', 'Năm 2026', null, '% KH', 'Đánh giá'];
  ws.getRow(4).values = head;
  ws.getRow(5).values = [null, null, null, null, 'Kế hoạch', 'Ước thực hiện'];
  ws.mergeCells('E4:F4');
  for (const c of ['A', 'B', 'C', 'D', 'G', 'H']) ws.mergeCells(`${c}4:${c}5`);
  const rows = [
    ['I', 'KINH TẾ'],
    [1, 'Tổng thu ngân sách trên địa bàn', 'Tỷ đồng', 41.2, 45, 47.3, 105.1, 'Vượt'],
    [2, 'Thu nhập bình quân đầu người', 'Triệu đồng', 58, 62, 60.8, 98.1, 'Đạt'],
    [3, 'Tỷ lệ hộ nghèo', '%', 2.1, 1.8, 1.6, 88.9, 'Vượt'],
    ['II', 'XÃ HỘI'],
    [1, 'Tỷ lệ dân số tham gia BHYT', '%', 93.5, 95, 95.2, 102.2, 'Đạt'],
    [2, 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi', '%', 11, 'dưới 10,5', 10.2, null, 'Đạt'],
    [3, 'Số lao động được tạo việc làm mới', 'Người', 310, 300, 284, 94.7, 'Chưa đạt'],
    [4, 'Số tiêu chí xã NTM nâng cao đạt được', 'Tiêu chí', '15/19', '19/19', '17/19', null, 'Chưa đạt'],
  ];
  rows.forEach((r, i) => { ws.getRow(6 + i).values = r; });
  ws.getCell('A16').value = 'Người lập biểu';
  ws.getColumn(2).width = 50;
  await wb.xlsx.writeFile(process.argv[2] || 'bao-cao-xa.xlsx');
})();
