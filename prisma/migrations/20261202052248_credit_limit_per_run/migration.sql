-- AlterTable
ALTER TABLE "App" ADD COLUMN     "creditLimitPerRun" INTEGER;

-- AlterTable
ALTER TABLE "Workflow" ADD COLUMN     "creditLimitPerRun" INTEGER;
