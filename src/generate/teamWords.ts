/**
 * The words of a team with roles, shared by the demo's team tab (team.ts) and the roles
 * workbook (roles.ts): one line a text, in English, Russian and Ukrainian.
 */
import { l } from "../core/i18n";

export const TEAM_WORDS = {
  tab: l("Team", "Команда", "Команда"),
  rep: l("Rep", "Менеджер", "Менеджер"),
  role: l("Role", "Роль", "Роль"),
  since: l("Since", "С даты", "З дати"),
  sdr: l("SDR", "Лидоруб", "Лідоруб"),
  hunter: l("Hunter", "Хантер", "Хантер"),
  farmer: l("Farmer", "Фермер", "Фермер"),
  bookedBy: l("Booked by", "Назначил встречу", "Призначив"),
  booked: l("Meeting booked", "Встреча назначена", "Зустріч призначена"),
  confirmed: l("Meeting confirmed", "Встреча подтверждена", "Зустріч підтверджена"),
  held: l("Meeting held", "Встреча проведена", "Зустріч проведена"),
};
