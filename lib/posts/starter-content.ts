// What a new site shows before its owner writes anything: a welcome post and an About page.
export const STARTER_CONTENT = [
  {
    type: "post" as const,
    title: "Welcome to your new site",
    slug: "welcome",
    markdown: `Your site is running. This post is here so the home page has something to show; edit it or delete it whenever you like.

## Where to start

- **Write.** Open the admin at \`/admin\`, choose *New post*, and write in Markdown. Save a draft, preview it, and publish when it is ready.
- **Invite your team.** Authors write and publish their own posts, editors look after everyone's, contributors submit drafts for review.
- **Make it yours.** Change the title, description and navigation in the settings.

## What readers get

Pages that load fast on a slow phone, feeds for their reader of choice, and a comment form that needs no account. No tracking, and no cookie banner because there are no cookies.

Happy writing.`,
  },
  {
    type: "page" as const,
    title: "About",
    slug: "about",
    markdown: `This is the About page. Tell readers who writes here, what they can expect, and how to reach you.

Pages are like posts without a date or an author: use them for anything that stays put, such as a contact page or a colophon.`,
  },
];
