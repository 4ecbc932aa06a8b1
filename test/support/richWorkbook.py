# Builds, through LibreOffice (UNO, headless, a profile of its own), a workbook with what a real user's
# file carries beside the template: a chart, a pivot table, a shape, an image, comments, a hyperlink and
# rich text in Ghi chú cells, sheet protection, fit-to-page, custom document properties.
# Usage: python3 richWorkbook.py IN.xlsx OUT.xlsx SPEC.json   (SPEC: sheet, cells by role, image path)
import json, os, subprocess, sys, tempfile, time, shutil
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle, Size, Point
from com.sun.star.table import CellRangeAddress, CellAddress

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main(src, out, spec_path):
    spec = json.load(open(spec_path, encoding='utf-8'))
    profile = tempfile.mkdtemp(prefix='chitieu-uno-')
    pipe = 'chitieu_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--invisible', '--norestore',
                             '--nologo', '--nodefault', '--accept=pipe,name=%s;urp;' % pipe], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe); break
            except Exception:
                time.sleep(0.5)
        if ctx is None: raise RuntimeError('soffice did not answer')
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        sheets = doc.Sheets
        sheet = sheets.getByName(spec['sheet'])
        sidx = [sheets.getByIndex(i).Name for i in range(sheets.Count)].index(spec['sheet'])
        cell = lambda ref: sheet.getCellRangeByName(ref)
        # Data for the chart and the pivot table, on a sheet of its own.
        sheets.insertNewByName('Số liệu', sheets.Count)
        data = sheets.getByName('Số liệu')
        rows = [('Ngành', 'Quý', 'Giá trị'), ('Nông nghiệp', 'I', 10.0), ('Nông nghiệp', 'II', 12.0), ('Công nghiệp', 'I', 20.0), ('Công nghiệp', 'II', 25.0), ('Dịch vụ', 'I', 30.0), ('Dịch vụ', 'II', 33.0)]
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                x = data.getCellByPosition(c, r)
                if isinstance(v, float): x.setValue(v)
                else: x.setString(v)
        data.getCellByPosition(4, 1).setFormula('=SUM(C2:C7)')
        rng = CellRangeAddress(); rng.Sheet = sheets.Count - 1; rng.StartColumn = 0; rng.StartRow = 0; rng.EndColumn = 2; rng.EndRow = 6
        rect = Rectangle(); rect.X = 1000; rect.Y = 6000; rect.Width = 12000; rect.Height = 7000
        chartRange = CellRangeAddress(); chartRange.Sheet = rng.Sheet; chartRange.StartColumn = 2; chartRange.StartRow = 0; chartRange.EndColumn = 2; chartRange.EndRow = 6
        data.Charts.addNewByName('BieuDo', rect, (chartRange,), True, False)
        dp = data.DataPilotTables
        desc = dp.createDataPilotDescriptor()
        desc.setSourceRange(rng)
        fields = desc.DataPilotFields
        from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
        from com.sun.star.sheet.GeneralFunction import SUM
        f0 = fields.getByIndex(0); f0.Orientation = ROW
        f2 = fields.getByIndex(2); f2.Orientation = DATA; f2.Function = SUM
        at = CellAddress(); at.Sheet = rng.Sheet; at.Column = 8; at.Row = 0
        dp.insertNewByName('TongHop', at, desc)
        # A shape and an image on the template sheet.
        shape = doc.createInstance('com.sun.star.drawing.RectangleShape')
        shape.setSize(Size(3000, 1500)); shape.setPosition(Point(20000, 500))
        sheet.DrawPage.add(shape)
        shape.setString('Đã duyệt')
        gp = smgr.createInstanceWithContext('com.sun.star.graphic.GraphicProvider', ctx)
        graphic = gp.queryGraphic((prop('URL', uno.systemPathToFileUrl(os.path.abspath(spec['image']))),))
        img = doc.createInstance('com.sun.star.drawing.GraphicObjectShape')
        img.Graphic = graphic
        sheet.DrawPage.add(img)
        img.setSize(Size(2000, 2000)); img.setPosition(Point(25000, 500))
        # Comments: the user's own, on a cell that will be flagged and on one that will not.
        for ref, text in spec['comments'].items():
            a = CellAddress(); a.Sheet = sidx; a.Column = cell(ref).CellAddress.Column; a.Row = cell(ref).CellAddress.Row
            sheet.Annotations.insertNew(a, text)
        # Ghi chú with a hyperlink, and Ghi chú with rich text.
        hl = cell(spec['hyperlinkNote'])
        hl.setString('Nguồn: ')
        field = doc.createInstance('com.sun.star.text.TextField.URL')
        field.URL = 'https://www.gso.gov.vn/'; field.Representation = 'Tổng cục Thống kê'
        hc = hl.createTextCursor(); hc.gotoEnd(False)
        hl.insertTextContent(hc, field, False)
        rich = cell(spec['richNote'])
        rich.setString('Số ước, ')
        cur = rich.createTextCursor(); cur.gotoEnd(False)
        rich.insertString(cur, 'chưa chính thức', False)
        cur.gotoEnd(False); cur.goLeft(len('chưa chính thức'), True); cur.CharWeight = 150.0
        # Fit to one page wide and tall; protection; custom properties.
        ps = doc.StyleFamilies.getByName('PageStyles').getByName(sheet.PageStyle)
        ps.ScaleToPagesX = 1; ps.ScaleToPagesY = 1
        data.protect('')
        doc.DocumentProperties.UserDefinedProperties.addProperty('DonViBaoCao', 0, 'UBND xã Vĩnh An')
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
        try: desktop.terminate()
        except Exception: pass
    finally:
        try: proc.wait(timeout=20)
        except Exception:
            os.killpg(proc.pid, 9)
        shutil.rmtree(profile, ignore_errors=True)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3])
