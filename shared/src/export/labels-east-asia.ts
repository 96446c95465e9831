/** Export labels in Thai, Chinese (Simplified), Japanese and Korean (same keys as `EXPORT_LABELS_EN`). */
import type { ExportLabels } from './labels.ts';

export const EXPORT_LABELS_TH: ExportLabels = {
  actionPlan: 'แผนปฏิบัติการร่วม', hostCity: 'เมืองเจ้าภาพ', dates: 'วันที่', participatingCities: 'เมืองที่เข้าร่วม',
  takenAt: 'ข้อมูล ณ', version: 'ฉบับ', liveBoard: 'กระดานปัจจุบัน', theme: 'หัวข้อ', agreedActions: 'การดำเนินการที่ตกลงร่วมกัน',
  noAgreedActionsIn: 'ยังไม่มีการดำเนินการที่ตกลงร่วมกันในหัวข้อ: {themes}', action: 'การดำเนินการ', objective: 'วัตถุประสงค์', leadCity: 'เมืองหลัก',
  partnerCities: 'เมืองพันธมิตร', timeline: 'ระยะเวลา', milestones: 'หมุดหมาย', indicators: 'ตัวชี้วัดและค่าเป้าหมาย', target: 'เป้าหมาย',
  resources: 'ทรัพยากรและงบประมาณ', responsibleOfficer: 'เจ้าหน้าที่ผู้รับผิดชอบ', status: 'สถานะ', consent: 'ความเห็นชอบของเมือง',
  annex: 'ภาคผนวก: แนวคิดและแนวปฏิบัติที่ดี', idea: 'แนวคิด', practice: 'แนวปฏิบัติที่ดี', from: 'จาก', by: 'โดย',
  noIdeas: 'ไม่มีแนวคิดหรือแนวปฏิบัติที่ดี', page: 'หน้า', of: 'จาก', milestone: 'หมุดหมาย', ends: 'สิ้นสุด',
  agreement: 'ความเห็นชอบ', objections: 'การคัดค้าน', reservations: 'ข้อสงวน', notAnswered: 'ยังไม่ตอบ',
  verdicts: { agreed: 'ทุกเมืองที่ถูกถามเห็นชอบแล้ว', awaiting: 'รอคำตอบ ({count}): {cities}', objected: 'คัดค้านโดย {cities}', 'no-lead': 'ไม่มีเมืองหลัก: ยังตกลงไม่ได้' },
  consentAnswers: { endorse: 'เห็นชอบ', reservation: 'เห็นชอบโดยมีข้อสงวน', object: 'คัดค้าน' },
  statuses: { draft: 'ร่าง', proposed: 'เสนอแล้ว', agreed: 'ตกลงแล้ว', 'in-progress': 'กำลังดำเนินการ', done: 'เสร็จสิ้น', dropped: 'ยกเลิก', 'awaiting-consent': 'รอความเห็นชอบ', objected: 'ถูกคัดค้าน' },
  lanes: { ideas: 'แนวคิดและแนวปฏิบัติที่ดี', proposed: 'การดำเนินการที่เสนอ', agreed: 'แผนปฏิบัติการที่ตกลงร่วมกัน', parked: 'พักไว้' }
};

export const EXPORT_LABELS_ZH: ExportLabels = {
  actionPlan: '联合行动计划', hostCity: '主办城市', dates: '日期', participatingCities: '参会城市',
  takenAt: '截至', version: '版本', liveBoard: '实时看板', theme: '主题', agreedActions: '商定的行动',
  noAgreedActionsIn: '以下主题尚无商定的行动：{themes}', action: '行动', objective: '目标', leadCity: '牵头城市',
  partnerCities: '合作城市', timeline: '时间安排', milestones: '里程碑', indicators: '指标与目标值', target: '目标值',
  resources: '资源与预算', responsibleOfficer: '负责官员', status: '状态', consent: '各城市意见',
  annex: '附件：想法与最佳实践', idea: '想法', practice: '最佳实践', from: '来自', by: '作者',
  noIdeas: '无想法或最佳实践。', page: '第', of: '页，共', milestone: '里程碑', ends: '结束',
  agreement: '共识', objections: '反对意见', reservations: '保留意见', notAnswered: '尚未答复',
  verdicts: { agreed: '所有相关城市均已同意', awaiting: '等待答复（{count}）：{cities}', objected: '{cities} 反对', 'no-lead': '没有牵头城市：无法达成共识' },
  consentAnswers: { endorse: '赞同', reservation: '有保留地赞同', object: '反对' },
  statuses: { draft: '草稿', proposed: '已提议', agreed: '已商定', 'in-progress': '进行中', done: '已完成', dropped: '已放弃', 'awaiting-consent': '等待同意', objected: '有反对' },
  lanes: { ideas: '想法与最佳实践', proposed: '建议的行动', agreed: '商定的行动计划', parked: '暂缓' }
};

export const EXPORT_LABELS_JA: ExportLabels = {
  actionPlan: '共同行動計画', hostCity: '開催都市', dates: '日付', participatingCities: '参加都市',
  takenAt: '時点', version: '版', liveBoard: '現在のボード', theme: 'テーマ', agreedActions: '合意された行動',
  noAgreedActionsIn: '合意された行動がまだないテーマ：{themes}', action: '行動', objective: '目的', leadCity: '主導都市',
  partnerCities: 'パートナー都市', timeline: 'スケジュール', milestones: 'マイルストーン', indicators: '指標と目標値', target: '目標値',
  resources: '資源と予算', responsibleOfficer: '担当者', status: '状況', consent: '各都市の同意',
  annex: '付録：アイデアと優良事例', idea: 'アイデア', practice: '優良事例', from: '出典', by: '記入者',
  noIdeas: 'アイデアや優良事例はありません。', page: 'ページ', of: '/', milestone: 'マイルストーン', ends: '終了',
  agreement: '合意', objections: '反対', reservations: '留保', notAnswered: '未回答',
  verdicts: { agreed: '対象のすべての都市が同意', awaiting: '回答待ち（{count}）：{cities}', objected: '{cities} が反対', 'no-lead': '主導都市がないため合意できません' },
  consentAnswers: { endorse: '賛成', reservation: '留保付きで賛成', object: '反対' },
  statuses: { draft: '下書き', proposed: '提案済み', agreed: '合意済み', 'in-progress': '実施中', done: '完了', dropped: '中止', 'awaiting-consent': '同意待ち', objected: '反対あり' },
  lanes: { ideas: 'アイデアと優良事例', proposed: '提案された行動', agreed: '合意された行動計画', parked: '保留' }
};

export const EXPORT_LABELS_KO: ExportLabels = {
  actionPlan: '공동 실행 계획', hostCity: '개최 도시', dates: '일정', participatingCities: '참가 도시',
  takenAt: '기준 시점', version: '버전', liveBoard: '현재 보드', theme: '주제', agreedActions: '합의된 실행 과제',
  noAgreedActionsIn: '아직 합의된 실행 과제가 없는 주제: {themes}', action: '실행 과제', objective: '목표', leadCity: '주관 도시',
  partnerCities: '협력 도시', timeline: '일정', milestones: '중간 목표', indicators: '지표 및 목표치', target: '목표치',
  resources: '자원 및 예산', responsibleOfficer: '담당 공무원', status: '상태', consent: '도시별 동의',
  annex: '부록: 아이디어 및 모범 사례', idea: '아이디어', practice: '모범 사례', from: '출처', by: '작성자',
  noIdeas: '아이디어나 모범 사례가 없습니다.', page: '페이지', of: '/', milestone: '중간 목표', ends: '종료',
  agreement: '합의', objections: '반대 의견', reservations: '유보 의견', notAnswered: '미응답',
  verdicts: { agreed: '대상 도시 모두 동의함', awaiting: '답변 대기 ({count}): {cities}', objected: '{cities} 반대', 'no-lead': '주관 도시가 없어 합의할 수 없음' },
  consentAnswers: { endorse: '찬성', reservation: '유보 조건부 찬성', object: '반대' },
  statuses: { draft: '초안', proposed: '제안됨', agreed: '합의됨', 'in-progress': '진행 중', done: '완료됨', dropped: '중단됨', 'awaiting-consent': '동의 대기', objected: '반대 있음' },
  lanes: { ideas: '아이디어 및 모범 사례', proposed: '제안된 실행 과제', agreed: '합의된 실행 계획', parked: '보류' }
};
