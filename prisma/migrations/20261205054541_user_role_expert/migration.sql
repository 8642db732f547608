-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'EXPERT';

