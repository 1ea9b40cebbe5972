/**
 * Support: the help center (articles and FAQs the merchant writes, starter articles from the
 * shop's own policies, search, "did this help?"), the assistant's hand-off to a person, and the
 * conversations that follow: the merchant's inbox, replies by e-mail and shoppers' replies back.
 */
export {
  deleteArticle,
  generateStarterArticles,
  getArticle,
  listArticles,
  parseArticleFilter,
  saveArticle,
  type ArticleInput,
  type ArticleFilter,
  type SaveResult,
} from "./articles.server";
export { renderMarkdown } from "./markdown";
export {
  helpPage,
  helpPost,
  MAX_FORM_BYTES,
  type HelpContext,
  type HelpResponse,
} from "./help/page.server";
export {
  addNote,
  conversationDetail,
  conversationsOfOrders,
  customerConversations,
  deleteSavedReply,
  listConversations,
  listSavedReplies,
  parseInboxFilter,
  replyToShopper,
  saveReply,
  updateConversation,
  type ConversationDetail,
  type InboxFilter,
  type MerchantActionResult,
  type SavedReplyResult,
} from "./conversations/conversations.server";
export {
  runConversationAction,
  type ConversationActionResult,
} from "./conversations/merchant-actions.server";
export { MAX_THREAD_FORM_BYTES } from "./conversations/thread.server";
export { MAX_INBOUND_ATTACHMENTS, receiveInboundMail } from "./conversations/mail.server";
export {
  threadBodyLimit,
  threadPage,
  threadPost,
  type ThreadResponse,
} from "./conversations/thread-page.server";
export { deleteShopSupportFiles } from "./conversations/compliance.server";
export {
  ATTACHMENT_LIMITS,
  attachmentResponse,
  merchantAttachment,
  shopperAttachment,
} from "./conversations/attachments.server";
export {
  chatBodyLimit,
  chatForm,
  chatRequest,
  MAX_CHAT_BYTES,
  type ChatContext,
  type ChatResponse,
} from "./chat/chat.server";
export { openConversationStream, openInboxStream, type StreamResponse } from "./chat/stream.server";
export { chatSettings, saveChatSettings, type ChatSettingsResult } from "./chat/settings.server";
export {
  languageModelSettings,
  saveLanguageModelSettings,
  type LanguageModelSettingsResult,
  type LanguageModelSettingsView,
} from "./assistant/language-model-settings.server";
