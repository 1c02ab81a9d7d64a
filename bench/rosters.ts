/**
 * Rosters of any size for the benchmark, row by row from trainee-row.mjs.
 * Deterministic: the same n gives the same workbook.
 */
import ExcelJS from 'exceljs';
import { traineeRow } from './trainee-row.mjs';

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课教师', '就业单位', '住址', '联系电话', '是否合格', '就业重点群体', '订单定向', '享受补贴', '是否就业'];

export { traineeRow };

export async function rosterWorkbook(n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['职业技能培训学员花名册']);
  ws.addRow(['填报单位名称：科尔沁右翼前旗天骄职业技能培训学校']);
  ws.addRow(HEADER);
  for (let i = 0; i < n; i++) ws.addRow(traineeRow(i));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
