/** A board with every card kind, Thai/CJK and hostile text, and the edits the version tests make. */
import type * as Y from 'yjs';
import { addCard, addListItem, createBoardDoc, updateCard } from '@plenary/shared/schema';

export const newVersionBoard = (): { doc: Y.Doc; ids: Record<'idea' | 'practice' | 'action' | 'second', string> } => {
  const doc = createBoardDoc({ workshopId: 'ws-v', boardId: 'board-v', theme: 'environment', title: 'สิ่งแวดล้อม Environment' });
  const idea = addCard(doc, { kind: 'idea', createdBy: 'Somchai', authorCity: 'Bangkok', lang: 'th', text: 'ลดขยะพลาสติกในตลาดสด 🌏' });
  const practice = addCard(doc, {
    kind: 'practice',
    createdBy: 'Li Wei',
    authorCity: 'Chengdu',
    lang: 'zh',
    text: '城市垃圾分类经验交流',
    sourceCity: 'Chengdu'
  });
  const action = addCard(doc, {
    kind: 'action',
    createdBy: 'Yuki',
    authorCity: 'Fukuoka',
    lang: 'ja',
    lane: 'agreed',
    title: '=HYPERLINK("http://x") 共同植樹',
    objective: '<script>alert(1)</script> 나무 10,000그루',
    leadCity: 'Fukuoka',
    partnerCities: ['Bangkok', 'Chengdu'],
    startDate: '2026-01-10',
    endDate: '2026-12-20',
    status: 'agreed'
  });
  addListItem(doc, action, 'milestones', { date: '2026-03-01', text: 'ขั้นที่ 1' });
  addListItem(doc, action, 'milestones', { date: null, text: '第二阶段' });
  addListItem(doc, action, 'indicators', { indicator: 'Trees planted', target: '10000' });
  const second = addCard(doc, { kind: 'idea', createdBy: 'Anna', authorCity: 'Irkutsk', lang: 'ru', text: 'Обмен опытом' });
  updateCard(doc, second, { authorCity: 'Irkutsk' });
  return { doc, ids: { idea, practice, action, second } };
};
