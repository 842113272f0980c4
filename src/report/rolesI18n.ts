/**
 * Labels of the Roles sheet (SPEC §7) in English, Russian and Ukrainian: its own catalog beside
 * the report's, so the roles model stays in its own files. Sentences are neutral and impersonal:
 * they describe numbers, never a person.
 */
import { type Lang, type Localized, l, translate, type Vars } from "../core/i18n";
import { WORDS } from "../core/words";

const R = {
  sdr: WORDS.sdr,
  hunter: WORDS.hunter,
  farmer: WORDS.farmer,
  noSdr: l("(no SDR)", "(без лидоруба)", "(без лідоруба)"),
  "block.sdr": l(
    "SDRs: calls, meetings booked and what they led to",
    "Лидорубы: звонки, назначенные встречи и их результат",
    "Лідоруби: дзвінки, призначені зустрічі та їх результат",
  ),
  "block.sdr.note": l(
    "A booking counts in the period of its booked date (else its held date). Confirmed, held and sales count what those bookings led to by {last}. A blank “booked by” counts for the owner when the owner is an SDR, else for “{noSdr}”.",
    "Встреча учитывается в периоде даты назначения (иначе даты проведения). Подтверждённые, проведённые и продажи — то, к чему привели эти встречи к {last}. Пустое «Назначил встречу» засчитывается ответственному, если он лидоруб, иначе — «{noSdr}».",
    "Зустріч враховується в періоді дати призначення (інакше дати проведення). Підтверджені, проведені та продажі — те, до чого привели ці зустрічі до {last}. Порожнє «Призначив» зараховується відповідальному, якщо це лідоруб, інакше — «{noSdr}».",
  ),
  "block.sdrByPeriod": l("SDRs by period", "Лидорубы по периодам", "Лідоруби за періодами"),
  "block.daily": l(
    "SDRs per working day against the norms",
    "Лидорубы: в рабочий день против нормы",
    "Лідоруби: за робочий день проти норми",
  ),
  "block.daily.note": l(
    "Norms: {callsMin}–{callsMax} calls ≥ {sec} s, {bookedMin}–{bookedMax} meetings booked and {heldMin} held from own bookings a working day (Monday–Friday within the data). Change them under Roles in the sidebar (or in the settings tab).",
    "Нормы: {callsMin}–{callsMax} звонков ≥ {sec} с, {bookedMin}–{bookedMax} назначенных встреч и {heldMin} проведённых из своих назначений в рабочий день (пн–пт в пределах данных). Нормы меняются в разделе «Роли» боковой панели (или на вкладке настроек).",
    "Норми: {callsMin}–{callsMax} дзвінків ≥ {sec} с, {bookedMin}–{bookedMax} призначених зустрічей і {heldMin} проведених зі своїх призначень за робочий день (пн–пт у межах даних). Норми змінюються в розділі «Ролі» бічної панелі (або на вкладці налаштувань).",
  ),
  "block.sources": l(
    "Meetings booked by source",
    "Назначенные встречи по источникам",
    "Призначені зустрічі за джерелами",
  ),
  "block.hunter": l(
    "Hunters: meetings held and sales to new clients",
    "Хантеры: проведённые встречи и продажи новым клиентам",
    "Хантери: проведені зустрічі та продажі новим клієнтам",
  ),
  "block.hunter.note": l(
    "Meetings held count in the period they were held, sales in the period of the sale. Held → sale: of the meetings held in the period, the share that became a sale by {last}.",
    "Проведённые встречи — в периоде проведения, продажи — в периоде продажи. Проведена → продажа: доля встреч, проведённых в периоде, которые стали продажей к {last}.",
    "Проведені зустрічі — у періоді проведення, продажі — у періоді продажу. Проведена → продаж: частка зустрічей, проведених у періоді, що стали продажем до {last}.",
  ),
  "block.farmer": l(
    "Farmers: sales to existing clients",
    "Фермеры: продажи постоянным клиентам",
    "Фермери: продажі постійним клієнтам",
  ),
  "block.farmer.note": l(
    "A repeat sale is a won deal whose client had an earlier won deal. Share: of all the team's revenue in the period.",
    "Повторная продажа — выигранная сделка клиента, у которого уже была выигранная сделка. Доля — от всей выручки команды за период.",
    "Повторний продаж — виграна угода клієнта, який уже мав виграну угоду. Частка — від усієї виручки команди за період.",
  ),
  "block.diagnosis": l(
    "Diagnosis: {last} against {prev}",
    "Диагностика: {last} по сравнению с {prev}",
    "Діагностика: {last} порівняно з {prev}",
  ),
  "block.diagnosis.note": l(
    "Bookings are counted within {w} days of the booked date (80% of sales close within that many days of the lead), so both periods are judged alike; {newer} is too recent to judge. A share “fell” when it fell by more than {thr}% and by more than chance would give.",
    "Результат встреч считается в пределах {w} дн. от даты назначения (80% продаж закрываются за столько дней от лида), чтобы оба периода оценивались одинаково; {newer} — слишком свежий период. Доля «упала», если упала больше чем на {thr}% и больше, чем дал бы случай.",
    "Результат зустрічей рахується в межах {w} дн. від дати призначення (80% продажів закриваються за стільки днів від ліда), щоб обидва періоди оцінювалися однаково; {newer} — надто свіжий період. Частка «впала», якщо впала більш ніж на {thr}% і більше, ніж дав би випадок.",
  ),
  "block.diagnosis.noNewer": l(
    "Bookings are counted within {w} days of the booked date (80% of sales close within that many days of the lead), so both periods are judged alike. A share “fell” when it fell by more than {thr}% and by more than chance would give.",
    "Результат встреч считается в пределах {w} дн. от даты назначения (80% продаж закрываются за столько дней от лида), чтобы оба периода оценивались одинаково. Доля «упала», если упала больше чем на {thr}% и больше, чем дал бы случай.",
    "Результат зустрічей рахується в межах {w} дн. від дати призначення (80% продажів закриваються за стільки днів від ліда), щоб обидва періоди оцінювалися однаково. Частка «впала», якщо впала більш ніж на {thr}% і більше, ніж дав би випадок.",
  ),
  "block.diagnosis.wait": l(
    "Diagnosis: not yet possible",
    "Диагностика: пока невозможна",
    "Діагностика: поки неможлива",
  ),
  "block.diagnosis.waitNote": l(
    "Two whole periods whose bookings are all at least {w} days old are needed; the data does not have them yet.",
    "Нужны два полных периода, все встречи которых назначены не меньше {w} дн. назад; в данных их пока нет.",
    "Потрібні два повні періоди, усі зустрічі яких призначено щонайменше {w} дн. тому; у даних їх поки немає.",
  ),
  "block.listen": l(
    "Held but lost: the booking calls to listen to",
    "Проведены, но проиграны: звонки назначения, которые стоит прослушать",
    "Проведені, але програні: дзвінки призначення, які варто прослухати",
  ),
  booked: l("Meetings booked", "Назначено встреч", "Призначено зустрічей"),
  confirmed: l("Confirmed", "Подтверждено", "Підтверджено"),
  held: l("Held", "Проведено", "Проведено"),
  bookedConfirmed: l("Booked → confirmed", "Назначена → подтверждена", "Призначена → підтверджена"),
  confirmedHeld: l("Confirmed → held", "Подтверждена → проведена", "Підтверджена → проведена"),
  bookedHeld: l("Booked → held", "Назначена → проведена", "Призначена → проведена"),
  heldSale: l("Held → sale", "Проведена → продажа", "Проведена → продаж"),
  callsPerBooked: l(
    "Calls per meeting booked",
    "Звонков на назначенную встречу",
    "Дзвінків на призначену зустріч",
  ),
  salesFromBooked: l(
    "Sales from own bookings",
    "Продажи с назначенных встреч",
    "Продажі з призначених зустрічей",
  ),
  revenueFromBooked: l(
    "Revenue from own bookings",
    "Выручка с назначенных встреч",
    "Виручка з призначених зустрічей",
  ),
  targetedBooked: l(
    "Targeted share of meetings booked",
    "Доля целевых среди назначенных",
    "Частка цільових серед призначених",
  ),
  workdays: l("Working days", "Рабочих дней", "Робочих днів"),
  longCallsPerDay: l(
    "Calls ≥ {sec} s a day",
    "Звонков ≥ {sec} с в день",
    "Дзвінків ≥ {sec} с на день",
  ),
  bookedPerDay: l("Booked a day", "Назначено в день", "Призначено на день"),
  heldPerDay: l("Held a day", "Проведено в день", "Проведено на день"),
  norm: l("Norm", "Норма", "Норма"),
  proposals: l("Proposals", "Коммерческие предложения", "Комерційні пропозиції"),
  repeatClients: l("Repeat clients served", "Повторных клиентов", "Повторних клієнтів"),
  repeatSales: l("Repeat sales", "Повторные продажи", "Повторні продажі"),
  repeatRevenue: l("Repeat revenue", "Выручка от повторных", "Виручка від повторних"),
  repeatShare: l("Share of the team's revenue", "Доля выручки команды", "Частка виручки команди"),
  avgRepeat: l("Average check, repeat", "Средний чек, повторные", "Середній чек, повторні"),
  avgNew: l("Average check, new", "Средний чек, новые", "Середній чек, нові"),
  dealId: l("Deal", "Сделка", "Угода"),
  bookedOn: l("Booked", "Назначена", "Призначена"),
  heldOn: l("Held", "Проведена", "Проведена"),
  who: l("Who", "Кто", "Хто"),
  situation: l("Situation", "Ситуация", "Ситуація"),
  numbers: l("What the numbers show", "Что показывают цифры", "Що показують цифри"),
  toCheck: WORDS.whatToCheck,
  "sit.fewBooked": l(
    "Few meetings booked",
    "Мало назначенных встреч",
    "Мало призначених зустрічей",
  ),
  "sit.bookedNotHeld": l(
    "Many booked, few held",
    "Много назначенных встреч, но мало проведённых",
    "Багато призначених зустрічей, але мало проведених",
  ),
  "sit.heldNotPaid": l(
    "Many meetings, few payments",
    "Много встреч, но мало оплат",
    "Багато зустрічей, але мало оплат",
  ),
  "sit.none": l(
    "None of the three situations",
    "Ни одна из трёх ситуаций",
    "Жодна з трьох ситуацій",
  ),
  "num.perDayNorm": l(
    "{what}: {last} against {prev} (norm {norm}).",
    "{what}: {last} против {prev} (норма {norm}).",
    "{what}: {last} проти {prev} (норма {norm}).",
  ),
  "num.change": l(
    "{what}: {last} against {prev}.",
    "{what}: {last} против {prev}.",
    "{what}: {last} проти {prev}.",
  ),
  "num.fell": l(
    "{what}: {last} against {prev}; this step fell.",
    "{what}: {last} против {prev}; этот шаг упал.",
    "{what}: {last} проти {prev}; цей крок упав.",
  ),
  "num.sources": l(
    "Meetings booked by source: {list}.",
    "Назначенные встречи по источникам: {list}.",
    "Призначені зустрічі за джерелами: {list}.",
  ),
  "num.source": l(
    "{source} {n} (held → sale {conv})",
    "{source} {n} (проведена → продажа {conv})",
    "{source} {n} (проведена → продаж {conv})",
  ),
  "num.lost": l(
    "Held and lost: {n}, listed below.",
    "Проведены и проиграны: {n}, список ниже.",
    "Проведені та програні: {n}, список нижче.",
  ),
  "num.lostLatest": l(
    "Held and lost: {n}, the latest held {k} listed below.",
    "Проведены и проиграны: {n}, последние проведённые {k} — в списке ниже.",
    "Проведені та програні: {n}, останні проведені {k} — у списку нижче.",
  ),
  "num.ok": l(
    "Booked a working day {booked}, booked → held {held}, held → sale {sale}.",
    "Назначено в рабочий день {booked}, назначена → проведена {held}, проведена → продажа {sale}.",
    "Призначено за робочий день {booked}, призначена → проведена {held}, проведена → продаж {sale}.",
  ),
  minutesPerDay: l("Minutes on the line a day", "Минут на линии в день", "Хвилин на лінії на день"),
  targetedLeads: l(
    "Targeted share of new leads",
    "Доля целевых среди новых лидов",
    "Частка цільових серед нових лідів",
  ),
  "check.fewBooked": l(
    "Calls ≥ 60 s and minutes on the line against the norm; the number of new leads given to work; lead quality (the targeted share).",
    "Количество звонков от 60 секунд и минут на линии против нормы; количество новых лидов в работе; качество лидов (доля целевых).",
    "Кількість дзвінків від 60 секунд і хвилин на лінії проти норми; кількість нових лідів у роботі; якість лідів (частка цільових).",
  ),
  "check.bookedNotHeld": l(
    "Why clients do not confirm or do not come, at the step that fell; whether the meetings were booked with targeted leads and from which source; listen to how the meetings were booked.",
    "Почему клиенты не подтверждают встречи или не приходят — на шаге, который упал; назначены ли встречи целевым лидам и из какого источника; прослушайте, как назначались встречи.",
    "Чому клієнти не підтверджують зустрічі або не приходять — на кроці, що впав; чи призначені зустрічі цільовим лідам і з якого джерела; прослухайте, як призначалися зустрічі.",
  ),
  "check.heldNotPaid": l(
    "Whether the meetings were booked with targeted leads; whether they come from an old or a new source; listen to the calls that booked the held-but-lost meetings below: which expectations were set.",
    "Назначены ли встречи целевым лидам; из старого или нового источника они пришли; прослушайте звонки, которыми назначены проведённые, но проигранные встречи ниже: какие ожидания были поставлены.",
    "Чи призначені зустрічі цільовим лідам; зі старого чи нового джерела вони прийшли; прослухайте дзвінки, якими призначено проведені, але програні зустрічі нижче: які очікування було поставлено.",
  ),
  "check.none": l("Nothing to check.", "Проверять нечего.", "Перевіряти нічого."),
} satisfies Record<string, Localized>;

export type RoleLabelKey = keyof typeof R;

/** The whole catalog (for tests). */
export const ROLE_LABELS: Readonly<Record<RoleLabelKey, Localized>> = R;

/** A Roles-sheet label in `lang`, with `{name}` placeholders filled. */
export function rt(lang: Lang, key: RoleLabelKey, vars?: Vars): string {
  return translate(R, lang, key, vars);
}

/** A number in a sentence: `digits` decimals, the decimal comma in Russian and Ukrainian. */
export function num(lang: Lang, x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return "—";
  const s = x.toFixed(digits);
  return lang === "en" ? s : s.replace(".", ",");
}

/** A share in a sentence: "42%". */
export function pct(lang: Lang, x: number | null): string {
  return x === null || !Number.isFinite(x) ? "—" : `${num(lang, x * 100, 0)}%`;
}
