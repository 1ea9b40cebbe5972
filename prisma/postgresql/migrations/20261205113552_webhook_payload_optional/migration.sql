-- AlterTable
ALTER TABLE "WebhookDelivery" ALTER COLUMN "payload" DROP NOT NULL;
