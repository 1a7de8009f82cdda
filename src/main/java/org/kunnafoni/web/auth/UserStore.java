package org.kunnafoni.web.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to where accounts are kept. */
public interface UserStore {
    CompletionStage<Optional<User>> find(String username);

    /** Creates the user unless the name is taken; answers whether it was created. */
    CompletionStage<Boolean> create(User user);

    CompletionStage<Void> update(User user);

    CompletionStage<List<User>> all();
}
