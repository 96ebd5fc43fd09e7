package dev.ecswasm.world;

import dev.ecswasm.ecs.EntityId;
import dev.ecswasm.ecs.Registry;
import dev.ecswasm.ecs.Storage;
import dev.ecswasm.world.Components.PlayerOfProfile;
import dev.ecswasm.world.Components.PlayerRelation;
import java.util.OptionalInt;

/**
 * The 1:1 player-profile relation: {@link PlayerRelation} on the player, {@link PlayerOfProfile} on
 * the profile, always added and removed together.
 */
final class PlayerProfileStore implements RelationStore {
    private static final int[] NONE = new int[0];

    private final Registry registry;
    private final ManagerLog log;
    private final Storage<PlayerRelation> profileOfPlayer;
    private final Storage<PlayerOfProfile> playerOfProfile;

    PlayerProfileStore(Registry registry, ManagerLog log) {
        this.registry = registry;
        this.log = log;
        this.profileOfPlayer = registry.storage(PlayerRelation.class);
        this.playerOfProfile = registry.storage(PlayerOfProfile.class);
    }

    /** Links two valid, distinct entities; a side linked elsewhere is unlinked first, on both ends. */
    Outcome link(int player, int profile) {
        PlayerRelation current = profileOfPlayer.getOrNull(player);
        if (current != null && current.profile() == profile) {
            return Outcome.DONE;
        }
        if (current != null) {
            unlink(player, current.profile());
        }
        PlayerOfProfile owner = playerOfProfile.getOrNull(profile);
        if (owner != null) {
            unlink(owner.player(), profile);
        }
        registry.add(player, new PlayerRelation(profile));
        registry.add(profile, new PlayerOfProfile(player));
        log.linked(player, profile);
        return Outcome.DONE;
    }

    /** Removes the link(s) of a valid entity, whether it is the player, the profile, or both. */
    Outcome unlinkEither(int entity) {
        PlayerRelation asPlayer = profileOfPlayer.getOrNull(entity);
        PlayerOfProfile asProfile = playerOfProfile.getOrNull(entity);
        if (asPlayer == null && asProfile == null) {
            return new Outcome.Refused(Failure.NOT_FOUND, "entity " + EntityId.describe(entity) + " has no 1:1 link");
        }
        log.unlinking(entity);
        if (asPlayer != null) {
            unlink(entity, asPlayer.profile());
        }
        if (asProfile != null) {
            unlink(asProfile.player(), entity);
        }
        return Outcome.DONE;
    }

    OptionalInt profileOf(int player) {
        PlayerRelation link = registry.valid(player) ? profileOfPlayer.getOrNull(player) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.profile());
    }

    OptionalInt playerOf(int profile) {
        PlayerOfProfile link = registry.valid(profile) ? playerOfProfile.getOrNull(profile) : null;
        return link == null ? OptionalInt.empty() : OptionalInt.of(link.player());
    }

    @Override
    public Relation relation() {
        return Relation.PLAYER_PROFILE;
    }

    /** A player's profile, the one source pointing at it. */
    @Override
    public int[] sourcesOf(int player) {
        PlayerRelation link = profileOfPlayer.getOrNull(player);
        return link == null ? NONE : new int[] {link.profile()};
    }

    @Override
    public void forget(int entity, DestructionPlan plan) { // 1:1: one edge each way, always kept up
        PlayerRelation asPlayer = profileOfPlayer.getOrNull(entity);
        if (asPlayer != null) {
            registry.remove(asPlayer.profile(), PlayerOfProfile.class);
            log.lost("profile", asPlayer.profile(), "player", entity);
        }
        PlayerOfProfile asProfile = playerOfProfile.getOrNull(entity);
        if (asProfile != null) {
            registry.remove(asProfile.player(), PlayerRelation.class);
            log.lost("player", asProfile.player(), "profile", entity);
        }
    }

    /** One per linked player. O(1). */
    @Override
    public int edgeCount() {
        return profileOfPlayer.size();
    }

    @Override
    public void forEachEdge(EdgeVisitor visitor) {
        for (int i = 0; i < profileOfPlayer.size(); i++) {
            visitor.visit(profileOfPlayer.entityAt(i), profileOfPlayer.valueAt(i).profile());
        }
    }

    @Override
    public String toString() {
        return "PlayerProfileStore[" + edgeCount() + " link(s)]";
    }

    private void unlink(int player, int profile) {
        registry.remove(player, PlayerRelation.class);
        registry.remove(profile, PlayerOfProfile.class);
    }
}
