-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Run_teamId_createdById_idempotencyKey_key" ON "Run"("teamId", "createdById", "idempotencyKey");
