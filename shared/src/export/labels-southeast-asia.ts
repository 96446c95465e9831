/** Export labels in Vietnamese, Indonesian, Khmer and Mongolian (same keys as `EXPORT_LABELS_EN`). */
import type { ExportLabels } from './labels.ts';

export const EXPORT_LABELS_VI: ExportLabels = {
  actionPlan: 'Kế hoạch hành động chung', hostCity: 'Thành phố đăng cai', dates: 'Thời gian', participatingCities: 'Các thành phố tham dự',
  takenAt: 'Tính đến', version: 'Phiên bản', liveBoard: 'bảng hiện tại', theme: 'Chủ đề', agreedActions: 'Các hành động đã thống nhất',
  noAgreedActionsIn: 'Chưa có hành động nào được thống nhất: {themes}', action: 'Hành động', objective: 'Mục tiêu', leadCity: 'Thành phố chủ trì',
  partnerCities: 'Thành phố đối tác', timeline: 'Tiến độ', milestones: 'Các mốc', indicators: 'Chỉ số và chỉ tiêu', target: 'chỉ tiêu',
  resources: 'Nguồn lực và ngân sách', responsibleOfficer: 'Cán bộ phụ trách', status: 'Trạng thái', consent: 'Ý kiến của các thành phố',
  annex: 'Phụ lục: ý tưởng và thực tiễn tốt', idea: 'Ý tưởng', practice: 'Thực tiễn tốt', from: 'từ', by: 'bởi',
  noIdeas: 'Không có ý tưởng hay thực tiễn tốt nào.', page: 'Trang', of: '/', milestone: 'Mốc', ends: 'kết thúc',
  agreement: 'Đồng thuận', objections: 'Phản đối', reservations: 'Bảo lưu', notAnswered: 'Chưa trả lời',
  verdicts: { agreed: 'mọi thành phố được hỏi đều đồng ý', awaiting: 'đang chờ trả lời ({count}): {cities}', objected: '{cities} phản đối', 'no-lead': 'chưa có thành phố chủ trì: không thể thống nhất' },
  consentAnswers: { endorse: 'tán thành', reservation: 'tán thành có bảo lưu', object: 'phản đối' },
  statuses: { draft: 'bản nháp', proposed: 'đã đề xuất', agreed: 'đã thống nhất', 'in-progress': 'đang thực hiện', done: 'đã hoàn thành', dropped: 'đã hủy bỏ', 'awaiting-consent': 'chờ đồng thuận', objected: 'bị phản đối' },
  lanes: { ideas: 'Ý tưởng và thực tiễn tốt', proposed: 'Hành động được đề xuất', agreed: 'Kế hoạch hành động đã thống nhất', parked: 'Tạm gác' }
};

export const EXPORT_LABELS_ID: ExportLabels = {
  actionPlan: 'Rencana aksi bersama', hostCity: 'Kota tuan rumah', dates: 'Tanggal', participatingCities: 'Kota peserta',
  takenAt: 'Per', version: 'Versi', liveBoard: 'papan terkini', theme: 'Tema', agreedActions: 'Aksi yang disepakati',
  noAgreedActionsIn: 'Belum ada aksi yang disepakati: {themes}', action: 'Aksi', objective: 'Tujuan', leadCity: 'Kota pemimpin',
  partnerCities: 'Kota mitra', timeline: 'Jadwal', milestones: 'Tonggak capaian', indicators: 'Indikator dan target', target: 'target',
  resources: 'Sumber daya dan anggaran', responsibleOfficer: 'Pejabat penanggung jawab', status: 'Status', consent: 'Persetujuan kota',
  annex: 'Lampiran: gagasan dan praktik terbaik', idea: 'Gagasan', practice: 'Praktik terbaik', from: 'dari', by: 'oleh',
  noIdeas: 'Tidak ada gagasan atau praktik terbaik.', page: 'Halaman', of: 'dari', milestone: 'Tonggak capaian', ends: 'selesai',
  agreement: 'Persetujuan', objections: 'Keberatan', reservations: 'Catatan keberatan', notAnswered: 'Belum menjawab',
  verdicts: { agreed: 'disetujui semua kota yang ditanya', awaiting: 'menunggu jawaban ({count}): {cities}', objected: 'ditolak oleh {cities}', 'no-lead': 'tanpa kota utama: tidak dapat disepakati' },
  consentAnswers: { endorse: 'mendukung', reservation: 'mendukung dengan catatan', object: 'keberatan' },
  statuses: { draft: 'draf', proposed: 'diusulkan', agreed: 'disepakati', 'in-progress': 'sedang berjalan', done: 'selesai', dropped: 'dibatalkan', 'awaiting-consent': 'menunggu persetujuan', objected: 'ditolak' },
  lanes: { ideas: 'Gagasan dan praktik terbaik', proposed: 'Aksi yang diusulkan', agreed: 'Rencana aksi yang disepakati', parked: 'Ditunda' }
};

export const EXPORT_LABELS_KM: ExportLabels = {
  actionPlan: 'ផែនការសកម្មភាពរួម', hostCity: 'ក្រុងម្ចាស់ផ្ទះ', dates: 'កាលបរិច្ឆេទ', participatingCities: 'ក្រុងដែលចូលរួម',
  takenAt: 'គិតត្រឹម', version: 'កំណែ', liveBoard: 'ក្ដារបច្ចុប្បន្ន', theme: 'ប្រធានបទ', agreedActions: 'សកម្មភាពដែលបានឯកភាព',
  noAgreedActionsIn: 'មិនទាន់មានសកម្មភាពដែលបានឯកភាព៖ {themes}', action: 'សកម្មភាព', objective: 'គោលបំណង', leadCity: 'ក្រុងដឹកនាំ',
  partnerCities: 'ក្រុងដៃគូ', timeline: 'កាលវិភាគ', milestones: 'ដំណាក់កាលសំខាន់ៗ', indicators: 'សូចនាករ និងគោលដៅ', target: 'គោលដៅ',
  resources: 'ធនធាន និងថវិកា', responsibleOfficer: 'មន្ត្រីទទួលខុសត្រូវ', status: 'ស្ថានភាព', consent: 'ការយល់ព្រមរបស់ក្រុង',
  annex: 'ឧបសម្ព័ន្ធ៖ គំនិត និងការអនុវត្តល្អ', idea: 'គំនិត', practice: 'ការអនុវត្តល្អ', from: 'មកពី', by: 'ដោយ',
  noIdeas: 'គ្មានគំនិត ឬការអនុវត្តល្អទេ។', page: 'ទំព័រ', of: '/', milestone: 'ដំណាក់កាលសំខាន់', ends: 'បញ្ចប់',
  agreement: 'ការយល់ព្រម', objections: 'ការជំទាស់', reservations: 'ការរក្សាសិទ្ធិ', notAnswered: 'មិនទាន់ឆ្លើយ',
  verdicts: { agreed: 'ទីក្រុងទាំងអស់ដែលត្រូវបានសួរបានយល់ព្រម', awaiting: 'កំពុងរង់ចាំចម្លើយ ({count}): {cities}', objected: 'ជំទាស់ដោយ {cities}', 'no-lead': 'គ្មានទីក្រុងដឹកនាំ៖ មិនអាចឯកភាពបាន' },
  consentAnswers: { endorse: 'គាំទ្រ', reservation: 'គាំទ្រដោយមានការកត់សម្គាល់', object: 'ជំទាស់' },
  statuses: { draft: 'សេចក្ដីព្រាង', proposed: 'បានស្នើ', agreed: 'បានឯកភាព', 'in-progress': 'កំពុងអនុវត្ត', done: 'បានបញ្ចប់', dropped: 'បានបោះបង់', 'awaiting-consent': 'កំពុងរង់ចាំការយល់ព្រម', objected: 'ត្រូវបានជំទាស់' },
  lanes: { ideas: 'គំនិត និងការអនុវត្តល្អ', proposed: 'សកម្មភាពដែលបានស្នើ', agreed: 'ផែនការសកម្មភាពដែលបានឯកភាព', parked: 'ផ្អាកទុក' }
};

export const EXPORT_LABELS_MN: ExportLabels = {
  actionPlan: 'Хамтарсан үйл ажиллагааны төлөвлөгөө', hostCity: 'Зохион байгуулагч хот', dates: 'Хугацаа', participatingCities: 'Оролцогч хотууд',
  takenAt: 'Авсан огноо', version: 'Хувилбар', liveBoard: 'одоогийн самбар', theme: 'Сэдэв', agreedActions: 'Тохиролцсон арга хэмжээ',
  noAgreedActionsIn: 'Тохиролцсон арга хэмжээгүй сэдэв: {themes}', action: 'Арга хэмжээ', objective: 'Зорилго', leadCity: 'Тэргүүлэх хот',
  partnerCities: 'Түнш хотууд', timeline: 'Хугацаа', milestones: 'Үе шатууд', indicators: 'Шалгуур үзүүлэлт ба зорилтот түвшин', target: 'зорилт',
  resources: 'Нөөц ба төсөв', responsibleOfficer: 'Хариуцах албан тушаалтан', status: 'Төлөв', consent: 'Хотуудын зөвшөөрөл',
  annex: 'Хавсралт: санаа ба сайн туршлага', idea: 'Санаа', practice: 'Сайн туршлага', from: 'эх сурвалж', by: 'бичсэн',
  noIdeas: 'Санаа эсвэл сайн туршлага алга.', page: 'Хуудас', of: '/', milestone: 'Үе шат', ends: 'дуусна',
  agreement: 'Зөвшилцөл', objections: 'Эсэргүүцэл', reservations: 'Тайлбар', notAnswered: 'Хариулаагүй',
  verdicts: { agreed: 'асуусан бүх хот зөвшөөрсөн', awaiting: 'хариу хүлээж буй ({count}): {cities}', objected: '{cities} эсэргүүцсэн', 'no-lead': 'тэргүүлэх хотгүй: тохиролцох боломжгүй' },
  consentAnswers: { endorse: 'дэмжинэ', reservation: 'тайлбартайгаар дэмжинэ', object: 'эсэргүүцнэ' },
  statuses: { draft: 'ноорог', proposed: 'санал болгосон', agreed: 'тохиролцсон', 'in-progress': 'хэрэгжиж буй', done: 'дууссан', dropped: 'цуцалсан', 'awaiting-consent': 'зөвшөөрөл хүлээж буй', objected: 'эсэргүүцсэн' },
  lanes: { ideas: 'Санаа ба сайн туршлага', proposed: 'Санал болгосон арга хэмжээ', agreed: 'Тохиролцсон үйл ажиллагааны төлөвлөгөө', parked: 'Түр хойшлуулсан' }
};
