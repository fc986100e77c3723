ALTER TABLE "works" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "works" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "works" ADD CONSTRAINT "works_cancel_check" CHECK (("works"."status" = 'cancelled') = ("works"."cancelled_on" is not null) and ("works"."cancelled_on" is null) = ("works"."cancel_reason" is null));