/** The vendor's paths the fake serves: the client must call exactly these. */
export const SESSIONS_PATH = '/v2/enterprise/sessions';
export const MEMBERS_PATH = '/v2/enterprise/members';
export const ORGANIZATIONS_PATH = '/v2/enterprise/organizations';
export const CONSUMPTION_DAILY_PATH = '/v2/enterprise/consumption/daily';
export const CONSUMPTION_CYCLES_PATH = '/v2/enterprise/consumption/cycles';
