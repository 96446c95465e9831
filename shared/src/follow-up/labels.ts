/**
 * Words of the progress report and the calendar feed, in the seminar's twelve languages. The
 * words the plan's export already has (theme, lead city, milestones, page N of M…) come from its
 * labels (export/labels-by-lang.ts), so both documents say them alike; the follow-up's own words
 * are here. Notes stay in the language each city wrote them in, marked with it.
 */
import { exportLabels } from '../export/labels-by-lang.ts';
import type { ProgressStatus } from './constants.ts';

interface FollowUpWords {
  progressReport: string;
  asOf: string;
  commitments: string;
  byCity: string;
  byTheme: string;
  whatWasDone: string;
  whatSlipped: string;
  nothingSlipped: string;
  nothingDone: string;
  commitment: string;
  reached: string;
  reservations: string;
  due: string;
  agreedDate: string;
  overdue: string;
  latestUpdates: string;
  noUpdates: string;
  calendar: string;
  statuses: Record<ProgressStatus, string>;
}

const WORDS: Readonly<Record<string, FollowUpWords>> = {
  en: {
    progressReport: 'Progress report',
    asOf: 'As of',
    commitments: 'commitments',
    byCity: 'By lead city',
    byTheme: 'By theme',
    whatWasDone: 'What was done',
    whatSlipped: 'What slipped',
    nothingSlipped: 'Nothing slipped.',
    nothingDone: 'Nothing reported done yet.',
    commitment: 'Commitment',
    reached: 'reached',
    reservations: 'Reservations',
    due: 'due',
    agreedDate: 'agreed date',
    overdue: 'overdue',
    latestUpdates: 'Latest updates',
    noUpdates: 'No updates yet.',
    calendar: 'Follow-up calendar',
    statuses: { 'not-started': 'not started', 'on-track': 'on track', delayed: 'delayed', done: 'done', dropped: 'dropped' }
  },
  th: {
    progressReport: 'รายงานความคืบหน้า',
    asOf: 'ณ วันที่',
    commitments: 'พันธกิจ',
    byCity: 'ตามเมืองผู้นำ',
    byTheme: 'ตามหัวข้อ',
    whatWasDone: 'สิ่งที่ทำแล้ว',
    whatSlipped: 'สิ่งที่ล่าช้า',
    nothingSlipped: 'ไม่มีรายการล่าช้า',
    nothingDone: 'ยังไม่มีรายงานว่าเสร็จ',
    commitment: 'พันธกิจ',
    reached: 'ทำได้',
    reservations: 'ข้อสงวน',
    due: 'กำหนด',
    agreedDate: 'วันที่ตกลงไว้',
    overdue: 'เลยกำหนด',
    latestUpdates: 'ความคืบหน้าล่าสุด',
    noUpdates: 'ยังไม่มีความคืบหน้า',
    calendar: 'ปฏิทินติดตามผล',
    statuses: { 'not-started': 'ยังไม่เริ่ม', 'on-track': 'ตามแผน', delayed: 'ล่าช้า', done: 'เสร็จแล้ว', dropped: 'ยกเลิก' }
  },
  zh: {
    progressReport: '进展报告',
    asOf: '截至',
    commitments: '项承诺',
    byCity: '按牵头城市',
    byTheme: '按主题',
    whatWasDone: '已完成',
    whatSlipped: '未按期',
    nothingSlipped: '没有未按期的事项。',
    nothingDone: '尚无已完成的报告。',
    commitment: '承诺',
    reached: '已达成',
    reservations: '保留意见',
    due: '到期',
    agreedDate: '商定日期',
    overdue: '已逾期',
    latestUpdates: '最新进展',
    noUpdates: '尚无进展。',
    calendar: '跟进日历',
    statuses: { 'not-started': '未开始', 'on-track': '进展顺利', delayed: '延迟', done: '已完成', dropped: '已放弃' }
  },
  ja: {
    progressReport: '進捗報告書',
    asOf: '基準日',
    commitments: '件のコミットメント',
    byCity: '主導都市別',
    byTheme: 'テーマ別',
    whatWasDone: '完了したこと',
    whatSlipped: '遅れたこと',
    nothingSlipped: '遅れはありません。',
    nothingDone: 'まだ完了の報告はありません。',
    commitment: 'コミットメント',
    reached: '達成',
    reservations: '留保',
    due: '期限',
    agreedDate: '合意した日付',
    overdue: '期限切れ',
    latestUpdates: '最新の更新',
    noUpdates: 'まだ更新はありません。',
    calendar: 'フォローアップカレンダー',
    statuses: { 'not-started': '未着手', 'on-track': '順調', delayed: '遅延', done: '完了', dropped: '中止' }
  },
  ko: {
    progressReport: '진행 보고서',
    asOf: '기준일',
    commitments: '건의 약속',
    byCity: '주도 도시별',
    byTheme: '주제별',
    whatWasDone: '완료된 일',
    whatSlipped: '늦어진 일',
    nothingSlipped: '늦어진 일이 없습니다.',
    nothingDone: '아직 완료 보고가 없습니다.',
    commitment: '약속',
    reached: '달성',
    reservations: '유보',
    due: '마감',
    agreedDate: '합의한 날짜',
    overdue: '기한 지남',
    latestUpdates: '최근 업데이트',
    noUpdates: '아직 업데이트가 없습니다.',
    calendar: '후속 조치 캘린더',
    statuses: { 'not-started': '시작 전', 'on-track': '순조로움', delayed: '지연', done: '완료', dropped: '중단' }
  },
  vi: {
    progressReport: 'Báo cáo tiến độ',
    asOf: 'Tính đến',
    commitments: 'cam kết',
    byCity: 'Theo thành phố chủ trì',
    byTheme: 'Theo chủ đề',
    whatWasDone: 'Đã làm được',
    whatSlipped: 'Bị chậm',
    nothingSlipped: 'Không có mục nào bị chậm.',
    nothingDone: 'Chưa có báo cáo hoàn thành.',
    commitment: 'Cam kết',
    reached: 'đạt được',
    reservations: 'Bảo lưu',
    due: 'hạn',
    agreedDate: 'ngày đã thống nhất',
    overdue: 'quá hạn',
    latestUpdates: 'Cập nhật mới nhất',
    noUpdates: 'Chưa có cập nhật.',
    calendar: 'Lịch theo dõi',
    statuses: { 'not-started': 'chưa bắt đầu', 'on-track': 'đúng tiến độ', delayed: 'chậm', done: 'hoàn thành', dropped: 'đã hủy' }
  },
  id: {
    progressReport: 'Laporan kemajuan',
    asOf: 'Per tanggal',
    commitments: 'komitmen',
    byCity: 'Menurut kota pemimpin',
    byTheme: 'Menurut tema',
    whatWasDone: 'Yang sudah dikerjakan',
    whatSlipped: 'Yang tertunda',
    nothingSlipped: 'Tidak ada yang tertunda.',
    nothingDone: 'Belum ada laporan selesai.',
    commitment: 'Komitmen',
    reached: 'tercapai',
    reservations: 'Keberatan',
    due: 'tenggat',
    agreedDate: 'tanggal yang disepakati',
    overdue: 'terlambat',
    latestUpdates: 'Pembaruan terbaru',
    noUpdates: 'Belum ada pembaruan.',
    calendar: 'Kalender tindak lanjut',
    statuses: { 'not-started': 'belum dimulai', 'on-track': 'sesuai jadwal', delayed: 'tertunda', done: 'selesai', dropped: 'dibatalkan' }
  },
  ru: {
    progressReport: 'Отчёт о ходе работ',
    asOf: 'На дату',
    commitments: 'обязательств(а)',
    byCity: 'По ведущим городам',
    byTheme: 'По темам',
    whatWasDone: 'Что сделано',
    whatSlipped: 'Что задержалось',
    nothingSlipped: 'Задержек нет.',
    nothingDone: 'О выполнении пока не сообщалось.',
    commitment: 'Обязательство',
    reached: 'достигнуто',
    reservations: 'Оговорки',
    due: 'срок',
    agreedDate: 'согласованная дата',
    overdue: 'просрочено',
    latestUpdates: 'Последние отчёты',
    noUpdates: 'Отчётов пока нет.',
    calendar: 'Календарь выполнения',
    statuses: { 'not-started': 'не начато', 'on-track': 'по плану', delayed: 'задерживается', done: 'выполнено', dropped: 'отменено' }
  },
  km: {
    progressReport: 'របាយការណ៍វឌ្ឍនភាព',
    asOf: 'គិតត្រឹម',
    commitments: 'ការប្តេជ្ញាចិត្ត',
    byCity: 'តាមទីក្រុងដឹកនាំ',
    byTheme: 'តាមប្រធានបទ',
    whatWasDone: 'អ្វីដែលបានធ្វើ',
    whatSlipped: 'អ្វីដែលយឺត',
    nothingSlipped: 'គ្មានអ្វីយឺតទេ។',
    nothingDone: 'មិនទាន់មានរបាយការណ៍បញ្ចប់ទេ។',
    commitment: 'ការប្តេជ្ញាចិត្ត',
    reached: 'សម្រេចបាន',
    reservations: 'ការរក្សាសិទ្ធិ',
    due: 'កាលកំណត់',
    agreedDate: 'កាលបរិច្ឆេទដែលបានព្រមព្រៀង',
    overdue: 'ហួសកាលកំណត់',
    latestUpdates: 'ព័ត៌មានថ្មីៗ',
    noUpdates: 'មិនទាន់មានព័ត៌មានថ្មីទេ។',
    calendar: 'ប្រតិទិនតាមដាន',
    statuses: { 'not-started': 'មិនទាន់ចាប់ផ្តើម', 'on-track': 'តាមផែនការ', delayed: 'យឺតយ៉ាវ', done: 'រួចរាល់', dropped: 'បោះបង់' }
  },
  mn: {
    progressReport: 'Явцын тайлан',
    asOf: 'Огноо',
    commitments: 'амлалт',
    byCity: 'Тэргүүлэх хотоор',
    byTheme: 'Сэдвээр',
    whatWasDone: 'Хийгдсэн зүйл',
    whatSlipped: 'Хоцорсон зүйл',
    nothingSlipped: 'Хоцорсон зүйл алга.',
    nothingDone: 'Дууссан тухай мэдээ алга.',
    commitment: 'Амлалт',
    reached: 'хүрсэн',
    reservations: 'Тайлбар, нөхцөл',
    due: 'хугацаа',
    agreedDate: 'тохиролцсон огноо',
    overdue: 'хугацаа хэтэрсэн',
    latestUpdates: 'Сүүлийн мэдээлэл',
    noUpdates: 'Одоогоор мэдээлэл алга.',
    calendar: 'Хяналтын хуанли',
    statuses: { 'not-started': 'эхлээгүй', 'on-track': 'хэвийн', delayed: 'хоцорсон', done: 'дууссан', dropped: 'цуцалсан' }
  },
  hu: {
    progressReport: 'Előrehaladási jelentés',
    asOf: 'Állapot:',
    commitments: 'vállalás',
    byCity: 'Vezető város szerint',
    byTheme: 'Téma szerint',
    whatWasDone: 'Ami elkészült',
    whatSlipped: 'Ami csúszik',
    nothingSlipped: 'Nincs csúszás.',
    nothingDone: 'Még nem jelentettek elkészültet.',
    commitment: 'Vállalás',
    reached: 'elért',
    reservations: 'Fenntartások',
    due: 'határidő',
    agreedDate: 'egyeztetett dátum',
    overdue: 'lejárt',
    latestUpdates: 'Legutóbbi jelentések',
    noUpdates: 'Még nincs jelentés.',
    calendar: 'Nyomonkövetési naptár',
    statuses: { 'not-started': 'nem kezdődött el', 'on-track': 'terv szerint halad', delayed: 'késik', done: 'kész', dropped: 'elvetve' }
  },
  pt: {
    progressReport: 'Relatório de progresso',
    asOf: 'À data de',
    commitments: 'compromissos',
    byCity: 'Por cidade líder',
    byTheme: 'Por tema',
    whatWasDone: 'O que foi feito',
    whatSlipped: 'O que atrasou',
    nothingSlipped: 'Nada atrasou.',
    nothingDone: 'Ainda nada foi dado como concluído.',
    commitment: 'Compromisso',
    reached: 'alcançado',
    reservations: 'Reservas',
    due: 'prazo',
    agreedDate: 'data acordada',
    overdue: 'em atraso',
    latestUpdates: 'Últimas atualizações',
    noUpdates: 'Ainda sem atualizações.',
    calendar: 'Calendário de acompanhamento',
    statuses: { 'not-started': 'não iniciado', 'on-track': 'no prazo', delayed: 'atrasado', done: 'concluído', dropped: 'abandonado' }
  }
};

/** Languages the report and the calendar have words in (the seminar's twelve). */
export const REPORT_LANGS: readonly string[] = Object.keys(WORDS);

/** The report's words for a BCP-47 tag (`zh-Hans` → Chinese); English when the language has none. */
export const reportLabels = (lang = 'en') => {
  const base = lang.toLowerCase().split('-')[0]!;
  const words = WORDS[base] ?? WORDS.en!;
  const plan = exportLabels(base);
  return {
    ...words,
    lang: WORDS[base] ? base : 'en',
    theme: plan.theme,
    objective: plan.objective,
    leadCity: plan.leadCity,
    partnerCities: plan.partnerCities,
    dates: plan.dates,
    milestone: plan.milestone,
    milestones: plan.milestones,
    indicators: plan.indicators,
    target: plan.target,
    resources: plan.resources,
    responsibleOfficer: plan.responsibleOfficer,
    status: plan.status,
    page: plan.page,
    of: plan.of,
    ends: plan.ends
  };
};
export type ReportLabels = ReturnType<typeof reportLabels>;

/** English, the working language: the default of every follow-up document. */
export const REPORT_LABELS_EN: ReportLabels = reportLabels('en');
