const path=require('path'); const fs=require('fs');
const {main}=require('./dist/cli/main.js');
const {realisticEntries}=require('./dist/template/samples.js');
const {namedCells}=require('./dist/xlsx/definedNames.js');
const ExcelJS=require('exceljs');
(async()=>{
  const d='/tmp/mg'; fs.rmSync(d,{recursive:true,force:true}); fs.mkdirSync(d);
  const io={out:t=>process.stdout.write(t),err:t=>process.stderr.write(t)};
  const mk=async(n,unit,e)=>{ const f=path.join(d,n); await main(['template','--out',f+'.blank.xlsx','--year','2023','--unit',unit],{out(){},err(){}});
    const wb=new ExcelJS.Workbook(); await wb.xlsx.readFile(f+'.blank.xlsx'); const c=namedCells(wb);
    for (const [k,v] of Object.entries(e)){const nc=c.get(k); wb.getWorksheet(nc.sheet).getCell(nc.address).value=v??null;}
    await wb.xlsx.writeFile(f); return f;};
  const a=await mk('xa-a.xlsx','UBND xã A',realisticEntries(11));
  const b=await mk('xa-b.xlsx','UBND xã B',{...realisticEntries(12),TH_6:'Chưa đạt'});
  const c=await mk('xa-c.xlsx','UBND xã C',{...realisticEntries(13),TH_2:4449000000000});
  const code=await main(['merge',a,b,c,'--out',path.join(d,'TONG-HOP.xlsx')],io); console.log('exit',code);
  await main(['check',path.join(d,'TONG-HOP.xlsx')],io);
  await main(['summary',path.join(d,'TONG-HOP.xlsx')],io);
})();
