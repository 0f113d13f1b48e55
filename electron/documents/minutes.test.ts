import { describe, expect, it } from 'vitest';
import { minutesModel } from '../../shared/documents/minutes';
import { documentsLedger, documentsMeeting } from '../../shared/documents/testing';
import { renderMinutes } from './minutes';
import { expectOfficialLayout, openDocx } from './testing';

describe('renderMinutes', () => {
  it('prints each decision with its votes, the corrections and the signature', async () => {
    const parts = await openDocx(await renderMinutes(minutesModel({ meeting: documentsMeeting(), state: documentsLedger(), issuer: '中共城关镇委员会' })));
    expectOfficialLayout(parts);
    expect(parts.text).toContain('2026年11月党工委会议纪要');
    expect(parts.text).toContain('决定（同意）：会议同意给予张三嘉奖。');
    expect(parts.text).toContain('表决结果：同意3票，反对0票，弃权0票。');
    expect(parts.text).toContain('决定（暂缓）：会议决定暂缓研究该议题。');
    expect(parts.text).toContain('决定（不同意）：会议不同意该议题。');
    expect(parts.text).toContain('更正（2026年12月1日，刘干事）：谈话时间改为12月3日。');
    expect(parts.text).toContain('中共城关镇委员会');
    expect(parts.text).toContain('2026年11月30日');
  });
});
