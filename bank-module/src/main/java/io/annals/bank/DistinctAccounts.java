package io.annals.bank;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transfer's target differs from its source. Reported on {@code toAccountId}, so a client sees
 * which field to fix next to the other field violations.
 */
@Documented
@Constraint(validatedBy = DistinctAccounts.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DistinctAccounts {

    String message() default "must differ from fromAccountId";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link TransferMoney}; a missing id is {@code @NotNull}'s business. */
    class Validator implements ConstraintValidator<DistinctAccounts, TransferMoney> {

        @Override
        public boolean isValid(TransferMoney transfer, ConstraintValidatorContext context) {
            if (transfer == null || transfer.fromAccountId() == null || !transfer.fromAccountId().equals(transfer.toAccountId())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("toAccountId")
                    .addConstraintViolation();
            return false;
        }
    }
}
