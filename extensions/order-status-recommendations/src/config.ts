/**
 * Where the extension reaches Aftercare's backend: the app URL of shopify.app.toml
 * (`shopify app config link` sets it for a Partner app).
 */
export const APP_URL = "https://aftercare.example.com";
