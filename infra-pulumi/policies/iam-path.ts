/** Every role the app stack creates lives under this path: a deploy role may manage roles there and nowhere else. */
export const IAM_PATH = '/spendwise/';
