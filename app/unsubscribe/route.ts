// GET /unsubscribe?token=… — a page with one button; POST — stops comment e-mail to
// the signed address. The POST also answers RFC 8058 one-click requests from mail
// clients (List-Unsubscribe-Post). No account, no cookie.
import { unsubscribe, unsubscribePage } from "@/lib/comments/unsubscribe";

export const GET = unsubscribePage;
export const POST = unsubscribe;
