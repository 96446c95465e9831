/** Export labels in Russian, Hungarian and Portuguese (same keys as `EXPORT_LABELS_EN`). */
import type { ExportLabels } from './labels.ts';

export const EXPORT_LABELS_RU: ExportLabels = {
  actionPlan: 'Совместный план действий', hostCity: 'Принимающий город', dates: 'Сроки', participatingCities: 'Города-участники',
  takenAt: 'По состоянию на', version: 'Версия', liveBoard: 'текущая доска', theme: 'Тема', agreedActions: 'Согласованные действия',
  noAgreedActionsIn: 'Пока без согласованных действий: {themes}', action: 'Действие', objective: 'Цель', leadCity: 'Ведущий город',
  partnerCities: 'Города-партнёры', timeline: 'График', milestones: 'Этапы', indicators: 'Показатели и целевые значения', target: 'цель',
  resources: 'Ресурсы и бюджет', responsibleOfficer: 'Ответственное должностное лицо', status: 'Статус', consent: 'Согласие городов',
  annex: 'Приложение: идеи и лучшие практики', idea: 'Идея', practice: 'Лучшая практика', from: 'из', by: 'автор',
  noIdeas: 'Идей и лучших практик нет.', page: 'Страница', of: 'из', milestone: 'Этап', ends: 'окончание',
  agreement: 'Согласие', objections: 'Возражения', reservations: 'Оговорки', notAnswered: 'Не ответили',
  verdicts: { agreed: 'согласовано всеми опрошенными городами', awaiting: 'ожидаются ответы ({count}): {cities}', objected: 'возражает: {cities}', 'no-lead': 'нет ведущего города: согласовать нельзя' },
  consentAnswers: { endorse: 'поддерживает', reservation: 'поддерживает с оговоркой', object: 'возражает' },
  statuses: { draft: 'черновик', proposed: 'предложено', agreed: 'согласовано', 'in-progress': 'выполняется', done: 'выполнено', dropped: 'отменено', 'awaiting-consent': 'ожидает согласия', objected: 'есть возражения' },
  lanes: { ideas: 'Идеи и лучшие практики', proposed: 'Предлагаемые действия', agreed: 'Согласованный план действий', parked: 'Отложено' }
};

export const EXPORT_LABELS_HU: ExportLabels = {
  actionPlan: 'Közös cselekvési terv', hostCity: 'Házigazda város', dates: 'Időpontok', participatingCities: 'Részt vevő városok',
  takenAt: 'Állapot', version: 'Változat', liveBoard: 'aktuális tábla', theme: 'Téma', agreedActions: 'Elfogadott intézkedések',
  noAgreedActionsIn: 'Még nincs elfogadott intézkedés: {themes}', action: 'Intézkedés', objective: 'Cél', leadCity: 'Vezető város',
  partnerCities: 'Partnervárosok', timeline: 'Ütemezés', milestones: 'Mérföldkövek', indicators: 'Mutatók és célértékek', target: 'célérték',
  resources: 'Erőforrások és költségvetés', responsibleOfficer: 'Felelős tisztviselő', status: 'Állapot', consent: 'A városok jóváhagyása',
  annex: 'Melléklet: ötletek és jó gyakorlatok', idea: 'Ötlet', practice: 'Jó gyakorlat', from: 'forrás', by: 'szerző',
  noIdeas: 'Nincsenek ötletek vagy jó gyakorlatok.', page: 'Oldal', of: '/', milestone: 'Mérföldkő', ends: 'vége',
  agreement: 'Egyetértés', objections: 'Kifogások', reservations: 'Fenntartások', notAnswered: 'Nem válaszolt',
  verdicts: { agreed: 'minden megkérdezett város elfogadta', awaiting: 'válaszra vár ({count}): {cities}', objected: 'kifogásolja: {cities}', 'no-lead': 'nincs vezető város: nem fogadható el' },
  consentAnswers: { endorse: 'támogatja', reservation: 'fenntartással támogatja', object: 'kifogásolja' },
  statuses: { draft: 'tervezet', proposed: 'javasolt', agreed: 'elfogadott', 'in-progress': 'folyamatban', done: 'teljesítve', dropped: 'elvetve', 'awaiting-consent': 'jóváhagyásra vár', objected: 'kifogásolt' },
  lanes: { ideas: 'Ötletek és jó gyakorlatok', proposed: 'Javasolt intézkedések', agreed: 'Elfogadott cselekvési terv', parked: 'Félretéve' }
};

export const EXPORT_LABELS_PT: ExportLabels = {
  actionPlan: 'Plano de ação conjunto', hostCity: 'Cidade anfitriã', dates: 'Datas', participatingCities: 'Cidades participantes',
  takenAt: 'Situação em', version: 'Versão', liveBoard: 'quadro atual', theme: 'Tema', agreedActions: 'Ações acordadas',
  noAgreedActionsIn: 'Ainda sem ações acordadas: {themes}', action: 'Ação', objective: 'Objetivo', leadCity: 'Cidade coordenadora',
  partnerCities: 'Cidades parceiras', timeline: 'Calendário', milestones: 'Etapas', indicators: 'Indicadores e metas', target: 'meta',
  resources: 'Recursos e orçamento', responsibleOfficer: 'Responsável', status: 'Estado', consent: 'Consentimento das cidades',
  annex: 'Anexo: ideias e boas práticas', idea: 'Ideia', practice: 'Boa prática', from: 'de', by: 'por',
  noIdeas: 'Sem ideias nem boas práticas.', page: 'Página', of: 'de', milestone: 'Etapa', ends: 'termina',
  agreement: 'Acordo', objections: 'Objeções', reservations: 'Reservas', notAnswered: 'Sem resposta',
  verdicts: { agreed: 'acordada por todas as cidades consultadas', awaiting: 'aguarda respostas ({count}): {cities}', objected: 'objeção de {cities}', 'no-lead': 'sem cidade coordenadora: não pode ser acordada' },
  consentAnswers: { endorse: 'apoia', reservation: 'apoia com reservas', object: 'opõe-se' },
  statuses: { draft: 'rascunho', proposed: 'proposta', agreed: 'acordada', 'in-progress': 'em curso', done: 'concluída', dropped: 'abandonada', 'awaiting-consent': 'aguarda consentimento', objected: 'com objeção' },
  lanes: { ideas: 'Ideias e boas práticas', proposed: 'Ações propostas', agreed: 'Plano de ação acordado', parked: 'Em espera' }
};
