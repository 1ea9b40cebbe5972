import { translator, type Catalog, type ShopperLocale } from "../platform/i18n";

/** The admin navigation's labels, in the shop's admin language. */
const en = {
  home: "Home",
  customers: "Customers",
  shipments: "Shipments",
  notifications: "Notifications",
  recommendations: "Recommendations",
  surveys: "Surveys",
  returns: "Returns",
  loyalty: "Loyalty",
  experiments: "Experiments",
  helpCenter: "Help center",
  supportInbox: "Support inbox",
  operations: "Operations",
  settings: "Settings",
};
type Key = keyof typeof en;

const fr: Catalog<Key> = {
  home: "Accueil",
  customers: "Clients",
  shipments: "Expéditions",
  notifications: "Notifications",
  recommendations: "Recommandations",
  surveys: "Enquêtes",
  returns: "Retours",
  loyalty: "Fidélité",
  experiments: "Expériences",
  helpCenter: "Centre d'aide",
  supportInbox: "Boîte de support",
  operations: "Exploitation",
  settings: "Paramètres",
};

const de: Catalog<Key> = {
  home: "Startseite",
  customers: "Kunden",
  shipments: "Sendungen",
  notifications: "Benachrichtigungen",
  recommendations: "Empfehlungen",
  surveys: "Umfragen",
  returns: "Retouren",
  loyalty: "Treueprogramm",
  experiments: "Experimente",
  helpCenter: "Hilfe-Center",
  supportInbox: "Support-Posteingang",
  operations: "Betrieb",
  settings: "Einstellungen",
};

const es: Catalog<Key> = {
  home: "Inicio",
  customers: "Clientes",
  shipments: "Envíos",
  notifications: "Notificaciones",
  recommendations: "Recomendaciones",
  surveys: "Encuestas",
  returns: "Devoluciones",
  loyalty: "Fidelización",
  experiments: "Experimentos",
  helpCenter: "Centro de ayuda",
  supportInbox: "Bandeja de soporte",
  operations: "Operaciones",
  settings: "Configuración",
};

export const navMessages = (locale: ShopperLocale) => translator({ en, fr, de, es }, locale);
