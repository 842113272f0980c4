/**
 * Header vocabulary of the raw tab kinds (SPEC §3): field keys per kind and their Russian,
 * Ukrainian and English synonyms. Headers are compared after `headerKey`: lower case, ё = е,
 * every space, punctuation mark and underscore removed ("Sales_Agent" = "sales agent" = "salesagent").
 */
import type { FieldKey } from "./fields";
import { BOOKED_BY_FIELD, ROLE_FIELD, TEAM_FIELDS, TEAM_TAB_WORDS } from "./team";
import type { TabKind } from "./types";

/** A list of single-word synonyms written as one block of text, split at whitespace. */
export function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** Comparable form of a header cell. */
export function headerKey(v: unknown): string {
  const s = typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

export interface FieldDef {
  key: FieldKey;
  required: boolean;
  /** One of these alternatives satisfies the requirement (e.g. minutes | hours | duration). */
  group?: string;
  /** Required to detect the kind, yet the build reads a tab without it (team-level calls). */
  buildsWithout?: true;
  synonyms: string[];
}

const REP = words(`
  rep salesrep owner dealowner manager salesmanager accountmanager salesagent agent seller
  salesperson employee responsible assignedto assignedby assignedbyid user operator callowner
  potentialowner leadowner opportunityowner dealsowner
  менеджер сотрудник ответственный продавец агент исполнитель оператор менеджерпопродажам
  співробітник працівник відповідальний продавець виконавець менеджерзпродажу
`);
const SOURCE = words(`
  source leadsource channel utmsource origin
  источник канал источниклида источниктрафика джерело канал джерелоліда
`);
const ID = words(`
  id dealid leadid opportunityid opportunity deal dealname dealnumber lead leadname number no crmid
  orderid order recordid potentialname opportunityname dealtitle prospectid
  ид номер сделка idсделки номерсделки названиесделки лид idлида заказ номерзаказа угода idугоди
  номеругоди назваугоди лід idліда замовлення
`);
const CLIENT = words(`
  client customer account company contact associatedcompany accountname companyname
  клиент компания контрагент заказчик покупатель клієнт компанія замовник покупець
`);
const AMOUNT = words(`
  amount value closevalue dealvalue dealamount sum revenue price opportunity
  сумма выручка стоимость суммасделки бюджет сума виручка вартість сумаугоди
`);
const GENERIC_DATE = words(`
  date datetime time timestamp when day
  дата датаивремя время день датаічас час
`);

export const KIND_FIELDS: Record<TabKind, FieldDef[]> = {
  calls: [
    {
      key: "date",
      required: true,
      synonyms: [
        ...GENERIC_DATE,
        ...words(`
          calldate callstart startedat start datecreated
          датазвонка датавызова начало датадзвінка датавиклику початок
        `),
      ],
    },
    { key: "rep", required: true, buildsWithout: true, synonyms: REP },
    {
      key: "duration",
      required: false,
      synonyms: words(`
        duration length talktime calllength callduration seconds sec durationsec durations billsec
        avgtalkduration talkduration
        длительность продолжительность времяразговора длительностьсек длительностьразговора секунд
        времязвонка длительностьзвонка тривалість часрозмови тривалістьрозмови часдзвінка
      `),
    },
    {
      key: "direction",
      required: false,
      synonyms: words(`
        direction type calltype inout
        направление тип типзвонка входящийисходящий напрямок типдзвінка вхіднийвихідний
      `),
    },
    {
      key: "result",
      required: false,
      synonyms: words(`
        result outcome disposition callstatus callresult status answered answeredyn
        итог результат исход статусзвонка статусдзвінка результатзвонка підсумок результатдзвінка
        статус
      `),
    },
    { key: "dealId", required: false, synonyms: ID },
    { key: "source", required: false, synonyms: SOURCE },
    {
      key: "time",
      required: false,
      synonyms: words(`time calltime hour время час`),
    },
    ROLE_FIELD,
  ],
  deals: [
    { key: "id", required: true, synonyms: ID },
    {
      key: "created",
      required: false,
      synonyms: words(`
        created createddate createdat datecreated creationdate createdon leaddate opened opendate
        createdate datecreate createdtime
        датасоздания создана создан датаобращения датазаявки даталида датастворення створено
        датазвернення даталіда
      `),
    },
    { key: "rep", required: false, synonyms: REP },
    { key: "source", required: false, synonyms: SOURCE },
    { key: "client", required: false, synonyms: CLIENT },
    {
      key: "stage",
      required: false,
      synonyms: words(`
        stage dealstage currentstage state pipelinestage stagename stageid leadstatus
        этап стадия текущийэтап этапсделки стадиясделки етап стадія поточнийетап етапугоди
        стадіяугоди
      `),
    },
    {
      key: "status",
      required: false,
      synonyms: words(`
        status dealstatus outcome статус статуссделки статусугоди итогсделки
      `),
    },
    {
      key: "won",
      required: false,
      synonyms: words(`iswon isclosedwon won converted выиграна успешна конвертирован`),
    },
    {
      key: "closedFlag",
      required: false,
      synonyms: words(`isclosed closed isdealclosed сделказакрыта закрыта закрыто угодазакрита`),
    },
    {
      key: "currency",
      required: false,
      synonyms: words(`currency currencyisocode currencyid dealcurrency валюта валютасделки`),
    },
    {
      key: "stageOrder",
      required: false,
      synonyms: words(`stagesortorder sortorder stageorder`),
    },
    {
      key: "closed",
      required: false,
      synonyms: words(`
        closedate closedat closingdate dateclosed wontime closetime
        датазакрытия датазакриття
      `),
    },
    { key: "amount", required: false, synonyms: AMOUNT },
    {
      key: "cost",
      required: false,
      synonyms: words(`cost costs cogs себестоимость затраты расходы собівартість витрати`),
    },
    {
      key: "margin",
      required: false,
      synonyms: words(`margin profit grossprofit маржа прибыль прибуток`),
    },
    {
      key: "targeted",
      required: false,
      synonyms: words(`
        targeted targetlead istargeted
        целевой целевойлид целевая цільовий цільовийлід
      `),
    },
    {
      // One funnel is one pipeline (build/pipelineChoice.ts); never decides a tab's kind.
      key: "pipeline",
      required: false,
      synonyms: words(`
        pipeline dealpipeline pipelinename pipelineid salespipeline categoryid dealcategory
        recordtype recordtypeid recordtypename
        воронка воронкасделки воронкапродаж направление направлениесделки категориясделки
        воронкаугоди воронкапродажів напрямок напрям напрямугоди
      `),
    },
    BOOKED_BY_FIELD,
    ROLE_FIELD,
  ],
  stageLog: [
    { key: "id", required: true, synonyms: ID },
    {
      key: "stage",
      required: true,
      synonyms: words(`
        stage newstage tostage dealstage status stagename
        этап стадия новыйэтап статус етап стадія новийетап
      `),
    },
    {
      key: "date",
      required: true,
      synonyms: [
        ...GENERIC_DATE,
        ...words(`
          stagedate entered enteredat changedat
          датаперехода датаэтапа датаизменения датапереходу датаетапу датазміни
        `),
      ],
    },
    { key: "rep", required: false, synonyms: REP },
    { key: "source", required: false, synonyms: SOURCE },
    { key: "amount", required: false, synonyms: AMOUNT },
  ],
  timeLog: [
    { key: "rep", required: true, synonyms: REP },
    { key: "date", required: true, synonyms: GENERIC_DATE },
    {
      key: "category",
      required: true,
      synonyms: words(`
        category activity activitytype task kind
        категория активность виддеятельности деятельность занятие задача категорія активність
        діяльність заняття задача
      `),
    },
    {
      key: "minutes",
      required: true,
      group: "time",
      synonyms: words(`minutes mins min spentmin timespentmin минуты мин минут хвилини хв хвилин`),
    },
    {
      key: "hours",
      required: true,
      group: "time",
      synonyms: words(`hours hrs h часы часов ч години год`),
    },
    {
      key: "duration",
      required: true,
      group: "time",
      synonyms: words(`
        duration timespent spent
        длительность затраченовремя затрачено тривалість витраченийчас
      `),
    },
  ],
  plan: [
    {
      key: "period",
      required: true,
      synonyms: words(`
        period month week quarter year
        период месяц неделя квартал год період місяць тиждень рік
      `),
    },
    {
      key: "metric",
      required: true,
      synonyms: words(`metric kpi indicator measure показатель метрика показник`),
    },
    {
      key: "target",
      required: true,
      synonyms: words(`target plan goal quota value план цель значение норма ціль мета значення`),
    },
    { key: "rep", required: false, synonyms: REP },
  ],
  checklist: [
    { key: "id", required: true, synonyms: [...ID, ...words(`call callid звонок дзвінок`)] },
    { key: "rep", required: false, synonyms: REP },
    { key: "date", required: false, synonyms: GENERIC_DATE },
    {
      key: "total",
      required: false,
      synonyms: words(`
        total score totalscore
        итого балл оценка суммабаллов всего разом бал оцінка усього
      `),
    },
    {
      key: "comment",
      required: false,
      synonyms: words(`comment comments note notes комментарий примечание коментар примітка`),
    },
  ],
  team: TEAM_FIELDS,
  callsSummary: [
    {
      key: "date",
      required: true,
      synonyms: [
        ...GENERIC_DATE,
        ...words(`calldate workday рабочийдень датазвонков день робочийдень`),
      ],
    },
    { key: "rep", required: true, synonyms: REP },
    {
      key: "calls",
      required: true,
      synonyms: words(`
        calls callscount totalcalls numberofcalls callsmade allcalls outboundcalls dials
        звонки звонков количествозвонков всегозвонков числозвонков вызовы вызовов
        дзвінки дзвінків кількістьдзвінків всьогодзвінків виклики викликів
      `),
    },
    {
      key: "longCalls",
      required: false,
      synonyms: words(`
        calls60 calls60s calls60sec callsover60 callsover1min callsabove60 callsfrom60 longcalls
        calls1min callsover1minute calls60plus
        звонки60 звонкиот60 звонкиболее60 звонковболее60 звонковот60 звонкиот1мин
        звонковбольшеминуты звонкибольшеминуты длинныезвонки
        дзвінки60 дзвінкивід60 дзвінківід60 дзвінкибільше60 дзвінківбільше60 довгідзвінки
      `),
    },
    {
      key: "talkSeconds",
      required: false,
      group: "talk",
      synonyms: words(`
        talkseconds talksec talktimesec talktimeseconds talkdurationsec secondsonline
        секундразговора времяразговорасек разговорсек секундрозмови часрозмовисек розмовасек
      `),
    },
    {
      key: "talkMinutes",
      required: false,
      group: "talk",
      synonyms: words(`
        talkminutes talkmin talktimemin talktimeminutes talkdurationmin minutesonline
        minutesonthephone minutesontheline phoneminutes
        минутыразговора минутразговора минутналинии времяразговорамин разговормин
        хвилинирозмови хвилинрозмови часрозмовихв хвилиннаналінії розмовахв
      `),
    },
    {
      key: "talkTime",
      required: false,
      group: "talk",
      synonyms: words(`
        talktime totaltalktime talkduration totaltalkduration totalduration
        времяразговора общеевремяразговора общаядлительность времяналинии
        часрозмови загальнийчасрозмови загальнатривалість часналінії
      `),
    },
    { key: "source", required: false, synonyms: SOURCE },
  ],
  aggregates: [],
};

/** Words in tab names that hint at a kind. */
export const KIND_TAB_WORDS: Record<TabKind, string[]> = {
  calls: words(`call звонк звонок дзвін дзвонк телефон`),
  deals: words(`deal lead opportunit pipeline сделк лид угод лід заявк crm`),
  stageLog: words(`stagelog history log истори журнал перехо історі`),
  timeLog: words(`timelog time timesheet время хронометраж таймшит час`),
  plan: words(`plan target goal план цел ціл`),
  checklist: words(`check quality qa чеклист чекліст оценк качеств якіст контроль`),
  team: TEAM_TAB_WORDS,
  callsSummary: words(
    `summary daily perday dashboard сводк итог подням поднях зведен підсум заднями`,
  ),
  aggregates: words(`voronka`),
};

export {
  isWonStageName,
  ladderRank,
  STAGE_LADDER,
  STAGE_NOMINATIVE,
  statusOf,
} from "./stageWords";
